package io.vigil.integrations.ldap.internal;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.vigil.model.directory.SyncErrorKind;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/** Turns an LDAP failure into a sync failure whose message says what to fix. */
public final class LdapErrors {

    /** AD puts the Windows error of a refused bind in the diagnostic: "…, data 52e, v4563". */
    private static final Pattern AD_BIND_DATA = Pattern.compile("data ([0-9a-fA-F]{1,8})\\b");

    private static final Map<String, String> AD_BIND_REASONS = Map.of(
            "525", "user not found",
            "52e", "invalid credentials",
            "530", "logon not permitted at this time",
            "531", "logon not permitted from this workstation",
            "532", "password expired",
            "533", "account disabled",
            "701", "account expired",
            "773", "user must reset password",
            "775", "account locked out");

    private static final int MAX_CAUSES = 20;

    private LdapErrors() {
    }

    /** A failure while connecting to or talking with {@code server} ({@code host:port}). */
    public static SyncFailure of(LDAPException e, String server) {
        ResultCode code = e.getResultCode();
        if (code == ResultCode.INVALID_CREDENTIALS) {
            return new SyncFailure(SyncErrorKind.BAD_CREDENTIALS,
                    "bind to " + server + " refused (LDAP 49 invalidCredentials" + adBindReason(e) + ")", e);
        }
        if (code == ResultCode.REFERRAL) {
            String[] urls = e.getReferralURLs();
            return new SyncFailure(SyncErrorKind.REFERRAL, server + " does not hold the requested entry and refers to "
                    + (urls == null || urls.length == 0 ? "an unnamed server" : Arrays.toString(urls))
                    + "; configure that server for this domain (referrals are not followed)", e);
        }
        if (code == ResultCode.SIZE_LIMIT_EXCEEDED || code == ResultCode.TIME_LIMIT_EXCEEDED
                || code == ResultCode.ADMIN_LIMIT_EXCEEDED) {
            return new SyncFailure(SyncErrorKind.LIMIT_EXCEEDED, server + " stopped the search with LDAP "
                    + code.intValue() + " " + code.getName() + diagnostic(e)
                    + "; results are paged, so check the server's MaxPageSize and MaxResultSetSize", e);
        }
        if (hasCause(e, SSLException.class) || hasCause(e, CertificateException.class)) {
            return new SyncFailure(SyncErrorKind.TLS, "TLS with " + server + " failed: " + rootMessage(e), e);
        }
        if (code == ResultCode.CONNECT_ERROR || code == ResultCode.SERVER_DOWN || code == ResultCode.TIMEOUT
                || code == ResultCode.UNAVAILABLE) {
            return new SyncFailure(SyncErrorKind.UNREACHABLE, server + " unreachable (LDAP " + code.intValue()
                    + " " + code.getName() + "): " + rootMessage(e), e);
        }
        return new SyncFailure(SyncErrorKind.LDAP_ERROR, server + " answered LDAP " + code.intValue() + " "
                + code.getName() + diagnostic(e)
                + (e.getMatchedDN() == null || e.getMatchedDN().isEmpty() ? "" : " (matched DN " + e.getMatchedDN() + ")"),
                e);
    }

    private static String adBindReason(LDAPException e) {
        String diagnostic = e.getDiagnosticMessage();
        if (diagnostic == null) {
            return "";
        }
        Matcher data = AD_BIND_DATA.matcher(diagnostic);
        if (!data.find()) {
            return ": " + diagnostic;
        }
        String sub = data.group(1).toLowerCase(Locale.ROOT);
        return ", AD sub-code " + sub + ": " + AD_BIND_REASONS.getOrDefault(sub, "unknown reason");
    }

    private static String diagnostic(LDAPException e) {
        String diagnostic = e.getDiagnosticMessage();
        return diagnostic == null || diagnostic.isEmpty() ? "" : ": " + diagnostic;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        int depth = 0;
        while (root.getCause() != null && depth++ < MAX_CAUSES) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }
}
