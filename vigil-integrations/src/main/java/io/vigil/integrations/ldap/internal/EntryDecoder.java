package io.vigil.integrations.ldap.internal;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.UacFlag;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns an AD entry (ranged attributes already completed) into a {@link DirectoryIdentity}.
 *
 * <p>A value that does not decode — a SID of the wrong length, a non-numeric
 * {@code userAccountControl}, a second value of a single-valued attribute, a missing
 * {@code objectSid} — throws {@link MalformedAttributeException} naming the entry and attribute,
 * and the sync fails. The attributes checked this strictly are the ones AD itself writes and
 * validates, which an ordinary account cannot set; a bad value there means a server or proxy Vigil
 * should not trust, not a user's doing. Free-text attributes a user may influence (display name,
 * UPN, SPNs) are taken as they are and never fail a sync.
 */
public final class EntryDecoder {

    public static final String[] ATTRIBUTES = {
        "objectClass", "objectGUID", "objectSid", "sAMAccountName", "userPrincipalName", "displayName",
        "userAccountControl", "servicePrincipalName", "adminCount", "lastLogon", "lastLogonTimestamp",
        "pwdLastSet", "primaryGroupID", "member", "whenChanged", "uSNChanged"
    };

    private static final Charset UTF8 = StandardCharsets.UTF_8;

    private final String domain;

    public EntryDecoder(String domain) {
        this.domain = domain;
    }

    public DirectoryIdentity decode(Entry entry) {
        String dn = entry.getDN();
        DirectoryObjectKind kind = kindOf(entry);
        String sid = single(entry, "objectSid", true, BinarySid::decode);
        UUID guid = single(entry, "objectGUID", true, BinaryGuid::decode);
        String samAccountName = text(entry, "sAMAccountName", true);
        boolean account = kind != DirectoryObjectKind.GROUP;
        long uac = account ? integer(entry, "userAccountControl", true, 0) & 0xFFFF_FFFFL : 0;
        Instant lastLogon = latest(fileTime(entry, "lastLogon"), fileTime(entry, "lastLogonTimestamp"));
        long primaryGroupId = account ? integer(entry, "primaryGroupID", false, -1) : -1;
        String primaryGroupSid = primaryGroupId < 0 ? null : BinarySid.domainOf(sid) + "-" + primaryGroupId;
        return new DirectoryIdentity(
                kind,
                domain,
                dn,
                sid,
                guid,
                samAccountName,
                text(entry, "userPrincipalName", false),
                text(entry, "displayName", false),
                UacFlag.fromBits(uac),
                values(entry, "servicePrincipalName"),
                (int) integer(entry, "adminCount", false, 0),
                lastLogon,
                fileTime(entry, "pwdLastSet"),
                primaryGroupSid,
                kind == DirectoryObjectKind.GROUP ? values(entry, "member") : List.of(),
                List.of(),
                single(entry, "whenChanged", false, s -> AdTime.fromGeneralizedTime(new String(s, UTF8))),
                integer(entry, "uSNChanged", true, 0));
    }

    private static DirectoryObjectKind kindOf(Entry entry) {
        Set<String> classes = Arrays.stream(entry.getObjectClassValues() == null
                        ? new String[0] : entry.getObjectClassValues())
                .map(c -> c.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        if (classes.contains("msds-groupmanagedserviceaccount")) {
            return DirectoryObjectKind.GMSA;
        }
        if (classes.contains("computer")) {
            return DirectoryObjectKind.COMPUTER;
        }
        if (classes.contains("group")) {
            return DirectoryObjectKind.GROUP;
        }
        if (classes.contains("user")) {
            return DirectoryObjectKind.USER;
        }
        throw new MalformedAttributeException(entry.getDN(), "objectClass",
                "none of user, computer, group, msDS-GroupManagedServiceAccount in " + classes);
    }

    private static <T> T single(Entry entry, String name, boolean required, Function<byte[], T> decoder) {
        Attribute attribute = entry.getAttribute(name);
        if (attribute == null || attribute.size() == 0) {
            if (required) {
                throw new MalformedAttributeException(entry.getDN(), name, "missing");
            }
            return null;
        }
        if (attribute.size() > 1) {
            throw new MalformedAttributeException(entry.getDN(), name,
                    attribute.size() + " values where AD keeps one");
        }
        try {
            return decoder.apply(attribute.getValueByteArray());
        } catch (IllegalArgumentException e) {
            throw new MalformedAttributeException(entry.getDN(), name, e.getMessage());
        }
    }

    private static String text(Entry entry, String name, boolean required) {
        return single(entry, name, required, bytes -> new String(bytes, UTF8));
    }

    private static long integer(Entry entry, String name, boolean required, long absent) {
        Long value = single(entry, name, required, bytes -> parseInt32Or64(name, new String(bytes, UTF8)));
        return value == null ? absent : value;
    }

    /** AD integers are 32-bit except the USNs and FILETIMEs, which are 64-bit. */
    private static Long parseInt32Or64(String name, String text) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not an integer");
        }
        boolean wide = name.equals("uSNChanged");
        if (!wide && (value < Integer.MIN_VALUE || value > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException(value + " does not fit the attribute's 32 bits");
        }
        if (wide && value < 0) {
            throw new IllegalArgumentException("negative USN " + value);
        }
        return value;
    }

    private static Instant fileTime(Entry entry, String name) {
        return single(entry, name, false, bytes -> AdTime.fromFileTime(new String(bytes, UTF8)));
    }

    private static List<String> values(Entry entry, String name) {
        Attribute attribute = entry.getAttribute(name);
        return attribute == null ? List.of() : List.of(attribute.getValues());
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
