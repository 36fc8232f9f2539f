package io.vigil.integrations.pam.cyberark;

import io.vigil.integrations.pam.AccountActivity;
import io.vigil.integrations.pam.ChangeHandle;
import io.vigil.integrations.pam.ChangeState;
import io.vigil.integrations.pam.ManagedAccount;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamException;
import io.vigil.integrations.pam.PamFailure;
import io.vigil.integrations.pam.PamOutcome;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.integrations.pam.PrivilegedSession;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.integrations.http.AccessToken;
import io.vigil.integrations.pam.internal.ApiUrl;
import io.vigil.integrations.pam.internal.Authorizer;
import io.vigil.integrations.pam.internal.BearerAuthorizer;
import io.vigil.integrations.pam.internal.PamCall;
import io.vigil.integrations.pam.internal.PamHttp;
import io.vigil.integrations.pam.internal.PamJson;
import io.vigil.integrations.http.RequestBody;
import io.vigil.integrations.pam.internal.TokenEndpoint;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * CyberArk PAM self-hosted (PVWA) and Privilege Cloud (docs/pam-vendor-apis.md §1). Accounts from
 * {@code API/Accounts} following {@code nextLink}; reset with {@code API/Accounts/{id}/Change},
 * which only flags the account for the CPM, followed through {@code secretManagement.status} and
 * {@code lastModifiedTime}; sessions from PSM {@code LiveSessions} and {@code Recordings}; one
 * account's retrievals and check-outs from {@code API/Accounts/{id}/Activities} (PVWA 13.2 and later).
 */
public final class CyberArkConnector implements PamConnector {

    private static final int SESSION_PAGE = 100;
    private static final int MAX_PAGES = 100_000;

    private final CyberArkConfig config;
    private final PamHttp http;
    private final ApiUrl api;
    private final Authorizer session;
    private final VaultSession vaultSession;

    CyberArkConnector(CyberArkConfig config) {
        this.config = config;
        this.http = new PamHttp(PamVendor.CYBERARK, config.http());
        this.api = ApiUrl.of(config.pvwaUrl());
        if (config.auth() instanceof CyberArkAuth.VaultLogon) {
            this.vaultSession = new VaultSession(http, api, (CyberArkAuth.VaultLogon) config.auth());
            this.session = vaultSession;
        } else {
            CyberArkAuth.IdentityServiceUser user = (CyberArkAuth.IdentityServiceUser) config.auth();
            this.vaultSession = null;
            this.session = new BearerAuthorizer(http, () -> platformToken(user), Set.of(401));
        }
    }

    private AccessToken platformToken(CyberArkAuth.IdentityServiceUser user) {
        char[] secret = user.clientSecret().get();
        try {
            return TokenEndpoint.request(http, ApiUrl.of(user.identityUrl()).resolve("oauth2/platformtoken"),
                    RequestBody.form("grant_type", "client_credentials", "client_id", user.clientId(),
                            "client_secret", secret), secret);
        } finally {
            SecretSupplier.wipe(secret);
        }
    }

    @Override
    public PamVendor vendor() {
        return PamVendor.CYBERARK;
    }

    @Override
    public PamOutcome testConnection() {
        try {
            JsonNode page = get(api.resolve("API/Accounts", "offset", 0, "limit", 1));
            long count = PamJson.number(page, -1, "count");
            return PamOutcome.ok("Signed in to CyberArk at " + api.base().getHost()
                    + (count >= 0 ? "; " + count + " accounts visible." : "."));
        } catch (PamException e) {
            return e.outcome();
        }
    }

    @Override
    public List<ManagedAccount> listManagedAccounts() {
        List<ManagedAccount> accounts = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI next = api.resolve("API/Accounts", "offset", 0, "limit", config.pageSize());
        while (next != null) {
            if (!seen.add(next) || seen.size() > MAX_PAGES) {
                throw new PamException(vendor(), PamFailure.PROTOCOL, "CyberArk's nextLink went round in a circle at "
                        + next.getRawPath() + ".");
            }
            JsonNode page = get(next);
            for (JsonNode account : PamJson.elements(page, "value")) {
                accounts.add(CyberArkAccounts.account(account, config.directoryPlatforms()));
            }
            next = nextPage(PamJson.text(page, "nextLink"));
        }
        return accounts;
    }

    /** {@code nextLink} is relative to the PasswordVault root; one pointing elsewhere is refused, as it would get the token. */
    private URI nextPage(String nextLink) {
        if (nextLink == null) {
            return null;
        }
        URI next = api.base().resolve(nextLink);
        if (!Objects.equals(next.getAuthority(), api.base().getAuthority())) {
            throw new PamException(vendor(), PamFailure.PROTOCOL,
                    "CyberArk's nextLink points to another host (" + next.getHost() + "); not followed.");
        }
        return next;
    }

    @Override
    public ChangeHandle requestPasswordChange(String accountId) {
        JsonNode before = get(accountUrl(accountId, ""));
        Instant requested = config.http().clock().instant();
        // ChangeEntireGroup only matters for group members, which share one password and must change together
        PamCall change = PamCall.post(accountUrl(accountId, "/Change"), RequestBody.json("ChangeEntireGroup", true),
                PamCall.Retry.ONLY_IF_UNPROCESSED);
        http.send(change, session);
        JsonNode management = PamJson.field(before, "secretManagement");
        return new ChangeHandle(vendor(), accountId, requested, PamJson.instant(management, "lastModifiedTime"),
                PamJson.text(management, "status"));
    }

    @Override
    public ChangeState pollChange(ChangeHandle handle) {
        return CyberArkAccounts.changeState(handle, get(accountUrl(handle.accountId(), "")));
    }

    @Override
    public List<PrivilegedSession> recentSessions(Instant since) {
        Map<String, PrivilegedSession> byId = new LinkedHashMap<>();
        for (String kind : List.of("LiveSessions", "Recordings")) {
            for (JsonNode s : sessionPages(kind, since)) {
                PrivilegedSession session = CyberArkAccounts.session(s);
                byId.putIfAbsent(session.sessionId(), session);
            }
        }
        return List.copyOf(byId.values());
    }

    /**
     * {@code Activities} is one unpaged list ({@code {"Activities":[…]}}, a bare array tolerated); records
     * before {@code since} are dropped here, as it has no time filter. A PVWA older than 13.2 has no such
     * route: a 404 for an account that exists means that, and is {@link PamFailure#UNSUPPORTED}.
     */
    @Override
    public List<AccountActivity> accountActivity(String accountId, Instant since) {
        JsonNode json;
        try {
            json = get(accountUrl(accountId, "/Activities"));
        } catch (PamException e) {
            if (e.failure() != PamFailure.NOT_FOUND) {
                throw e;
            }
            get(accountUrl(accountId, ""));
            throw new PamException(vendor(), PamFailure.UNSUPPORTED, e.httpStatus(),
                    "This CyberArk PVWA has no account Activities API (it came with version 13.2).");
        }
        List<JsonNode> items = json.isArray() ? PamJson.elements(json) : PamJson.elements(json, "Activities", "value");
        List<AccountActivity> out = new ArrayList<>();
        for (JsonNode item : items) {
            AccountActivity activity = CyberArkAccounts.activity(accountId, item);
            if (activity.time() != null && !activity.time().isBefore(since)) {
                out.add(activity);
            }
        }
        out.sort(Comparator.comparing(AccountActivity::time).reversed());
        return out;
    }

    /** Pages by {@code Offset += Limit} until {@code Total}. */
    private List<JsonNode> sessionPages(String kind, Instant since) {
        List<JsonNode> out = new ArrayList<>();
        int offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode json = get(api.resolve("API/" + kind, "Limit", SESSION_PAGE, "Offset", offset,
                    "FromTime", since.getEpochSecond()));
            List<JsonNode> items = PamJson.elements(json, kind);
            out.addAll(items);
            offset += items.size();
            long total = PamJson.number(json, -1, "Total");
            if (items.isEmpty() || (total >= 0 ? offset >= total : items.size() < SESSION_PAGE)) {
                break;
            }
        }
        return out;
    }

    /** PVWA needs a trailing slash after a path segment that contains a dot. */
    private URI accountUrl(String accountId, String suffix) {
        String segment = ApiUrl.segment(accountId);
        if (suffix.isEmpty() && accountId.contains(".")) {
            segment += "/";
        }
        return api.resolve("API/Accounts/" + segment + suffix);
    }

    private JsonNode get(URI uri) {
        PamCall call = PamCall.get(uri);
        return PamJson.parse(vendor(), call, http.send(call, session));
    }

    @Override
    public void close() {
        if (vaultSession != null) {
            try {
                vaultSession.logOff();
            } catch (PamException e) {
                System.getLogger(CyberArkConnector.class.getName()).log(System.Logger.Level.INFO, e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "CyberArkConnector[" + api.base() + "]";
    }
}
