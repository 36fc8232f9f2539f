package io.vigil.integrations.pam.delinea;

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
import io.vigil.integrations.pam.internal.BearerAuthorizer;
import io.vigil.integrations.pam.internal.PamCall;
import io.vigil.integrations.pam.internal.PamHttp;
import io.vigil.integrations.pam.internal.PamJson;
import io.vigil.integrations.http.RequestBody;
import io.vigil.integrations.pam.internal.TokenEndpoint;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Delinea Secret Server (self-hosted, Cloud) and the Delinea Platform (docs/pam-vendor-apis.md §3).
 * Secrets from {@code api/v1/secrets} by skip/take; reset with {@code change-password} and a random
 * value that remote password changing pushes to the directory, followed through {@code /state} and
 * {@code /summary}; audits per secret and recorded sessions. A bad or expired token is answered 403
 * as well as 401, so both mean "sign in again".
 */
public final class DelineaConnector implements PamConnector {

    private static final int MAX_PAGES = 100_000;
    private static final List<String> EXTENDED_FIELDS = List.of("Domain", "Username", "Machine");

    private final DelineaConfig config;
    private final PamHttp http;
    private final BearerAuthorizer session;
    private ApiUrl secretServer;

    DelineaConnector(DelineaConfig config) {
        this.config = config;
        this.http = new PamHttp(PamVendor.DELINEA, config.http());
        this.session = new BearerAuthorizer(http, this::token, Set.of(401, 403));
        if (config.auth() instanceof DelineaAuth.SecretServerLogin) {
            this.secretServer = ApiUrl.of(((DelineaAuth.SecretServerLogin) config.auth()).secretServerUrl());
        }
    }

    private AccessToken token() {
        if (config.auth() instanceof DelineaAuth.SecretServerLogin) {
            DelineaAuth.SecretServerLogin login = (DelineaAuth.SecretServerLogin) config.auth();
            char[] password = login.password().get();
            try {
                return TokenEndpoint.request(http, ApiUrl.of(login.secretServerUrl()).resolve("oauth2/token"),
                        RequestBody.form("grant_type", "password", "username", login.userName(), "password", password,
                                "domain", login.domain()), password);
            } finally {
                SecretSupplier.wipe(password);
            }
        }
        DelineaAuth.PlatformServiceUser user = (DelineaAuth.PlatformServiceUser) config.auth();
        char[] secret = user.clientSecret().get();
        try {
            return TokenEndpoint.request(http, ApiUrl.of(user.tenantUrl()).resolve("identity/api/oauth2/token/xpmplatform"),
                    RequestBody.form("grant_type", "client_credentials", "client_id", user.clientId(),
                            "client_secret", secret, "scope", "xpmheadless"), secret);
        } finally {
            SecretSupplier.wipe(secret);
        }
    }

    /** The Secret Server to call: configured, or the Platform tenant's default active vault. */
    private synchronized ApiUrl secretServer() {
        if (secretServer == null) {
            DelineaAuth.PlatformServiceUser user = (DelineaAuth.PlatformServiceUser) config.auth();
            JsonNode vaults = get(ApiUrl.of(user.tenantUrl()).resolve("vaultbroker/api/vaults"));
            JsonNode chosen = null;
            for (JsonNode vault : PamJson.elements(vaults, "vaults")) {
                if (Boolean.TRUE.equals(PamJson.bool(vault, "isActive"))
                        && (chosen == null || Boolean.TRUE.equals(PamJson.bool(vault, "isDefault")))) {
                    chosen = vault;
                }
            }
            String url = PamJson.text(PamJson.field(chosen, "connection"), "url");
            if (url == null) {
                throw new PamException(vendor(), PamFailure.CONFIGURATION,
                        "The Delinea Platform tenant lists no active vault to connect to.");
            }
            secretServer = ApiUrl.of(URI.create(url));
        }
        return secretServer;
    }

    @Override
    public PamVendor vendor() {
        return PamVendor.DELINEA;
    }

    @Override
    public PamOutcome testConnection() {
        try {
            JsonNode page = get(secretServer().resolve("api/v1/secrets", "take", 1, "skip", 0));
            long total = PamJson.number(page, -1, "total");
            return PamOutcome.ok("Signed in to Delinea Secret Server at " + secretServer().base().getHost()
                    + (total >= 0 ? "; " + total + " secrets visible." : "."));
        } catch (PamException e) {
            return e.outcome();
        }
    }

    @Override
    public List<ManagedAccount> listManagedAccounts() {
        List<ManagedAccount> out = new ArrayList<>();
        for (JsonNode secret : pages(skip -> secretServer().resolve("api/v1/secrets", "filter.includeRestricted", true,
                "filter.extendedFields", EXTENDED_FIELDS, "skip", skip, "take", config.pageSize()), r -> true)) {
            out.add(DelineaSecrets.account(secret, config.directoryTemplates()));
        }
        return out;
    }

    /**
     * Records of a paging envelope, following {@code nextSkip} while {@code hasNext}, until one
     * fails {@code keepGoing}.
     */
    private List<JsonNode> pages(Function<Integer, URI> page, java.util.function.Predicate<JsonNode> keepGoing) {
        List<JsonNode> out = new ArrayList<>();
        int skip = 0;
        for (int n = 0; n < MAX_PAGES; n++) {
            JsonNode json = get(page.apply(skip));
            List<JsonNode> records = PamJson.elements(json, "records");
            for (JsonNode record : records) {
                if (!keepGoing.test(record)) {
                    return out;
                }
                out.add(record);
            }
            if (records.isEmpty() || !Boolean.TRUE.equals(PamJson.bool(json, "hasNext"))) {
                break;
            }
            long next = PamJson.number(json, -1, "nextSkip");
            skip = next > skip ? (int) next : skip + records.size();
        }
        return out;
    }

    @Override
    public ChangeHandle requestPasswordChange(String accountId) {
        JsonNode before = get(secretUrl(accountId, "/summary"));
        Instant requested = config.http().clock().instant();
        char[] password = RandomPassword.generate(config.passwordLength());
        PamCall change = PamCall.post(secretUrl(accountId, "/change-password"),
                        RequestBody.json("newPassword", password, "comment", "Password reset requested by Vigil"),
                        PamCall.Retry.ONLY_IF_UNPROCESSED)
                .redacting(password);
        try {
            http.send(change, session);
        } finally {
            change.wipe();
            SecretSupplier.wipe(password);
        }
        Boolean outOfSync = PamJson.bool(before, "isOutOfSync");
        return new ChangeHandle(vendor(), accountId, requested, PamJson.instant(before, "lastPasswordChangeAttempt"),
                outOfSync == null ? null : "outOfSync=" + outOfSync);
    }

    @Override
    public ChangeState pollChange(ChangeHandle handle) {
        JsonNode state = get(secretUrl(handle.accountId(), "/state"));
        if (Boolean.TRUE.equals(PamJson.bool(state, "passwordChangePending"))) {
            return ChangeState.inProgress("Delinea Secret Server is changing the password.");
        }
        return DelineaSecrets.changeState(handle, get(secretUrl(handle.accountId(), "/summary")));
    }

    @Override
    public List<PrivilegedSession> recentSessions(Instant since) {
        List<PrivilegedSession> out = new ArrayList<>();
        for (JsonNode s : pages(skip -> secretServer().resolve("api/v1/recorded-sessions", "filter.startDate",
                since.toString(), "skip", skip, "take", config.pageSize()), r -> true)) {
            out.add(DelineaSecrets.session(s));
        }
        return out;
    }

    /** Newest first; paging stops at the first record older than {@code since}. */
    @Override
    public List<AccountActivity> accountActivity(String accountId, Instant since) {
        List<AccountActivity> out = new ArrayList<>();
        for (JsonNode audit : pages(skip -> secretUrl(accountId, "/audits", "sortBy[0].name", "dateRecorded",
                        "sortBy[0].direction", "desc", "filter.includePasswordChangeLog", true, "skip", skip,
                        "take", config.pageSize()),
                a -> {
                    Instant at = PamJson.instant(a, "dateRecorded");
                    return at == null || !at.isBefore(since);
                })) {
            out.add(DelineaSecrets.activity(accountId, audit));
        }
        return out;
    }

    private URI secretUrl(String secretId, String suffix, Object... query) {
        return secretServer().resolve("api/v1/secrets/" + ApiUrl.segment(secretId) + suffix, query);
    }

    private JsonNode get(URI uri) {
        PamCall call = PamCall.get(uri);
        return PamJson.parse(vendor(), call, http.send(call, session));
    }

    /** Delinea has no sign-out; the token lapses. */
    @Override
    public void close() {
        session.sessionRejected();
    }

    @Override
    public String toString() {
        return "DelineaConnector[" + (secretServer == null ? "not yet discovered" : secretServer.base()) + "]";
    }
}
