package io.vigil.simulators.delinea;

import static io.vigil.simulators.core.Json.obj;

import io.vigil.simulators.core.ChangeStatus;
import io.vigil.simulators.core.CheckoutRecord;
import io.vigil.simulators.core.Json;
import io.vigil.simulators.core.Pages;
import io.vigil.simulators.core.Router;
import io.vigil.simulators.core.SessionRecord;
import io.vigil.simulators.core.SimRequest;
import io.vigil.simulators.core.SimResponse;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.core.VaultAccount;
import io.vigil.simulators.core.VendorSimulator;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Delinea Secret Server (self-hosted and cloud) and the Delinea Platform (docs/pam-vendor-apis.md
 * §3): {@code oauth2/token} password grant, Platform client credentials with scope
 * {@code xpmheadless} and vault discovery on a second host, secrets with skip/take paging envelopes,
 * {@code change-password} followed through {@code /state} and {@code /summary}, audits (views,
 * launches, password changes, and the vault's checkouts as CHECKOUT / CHECKIN) and
 * recorded sessions. camelCase, ISO-8601 times, 403 {@code {message}} for a bad or expired token.
 */
public final class DelineaSimulator extends VendorSimulator {

    public static final int AD_TEMPLATE_ID = 6001;
    public static final int WINDOWS_TEMPLATE_ID = 6003;
    private static final String SS = "/SecretServer/";

    private record Audit(int id, int secretId, String action, String userName, Instant at, String notes) {
    }

    private final List<Audit> audits = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> folderIds = new LinkedHashMap<>();
    private URI secretServer;
    private URI platform;

    private DelineaSimulator(SimulatorOptions options) {
        super(options);
        for (VaultAccount a : vault.accounts()) {
            folderIds.putIfAbsent(a.seed().container(), 3 + folderIds.size());
            audit(a.id(), "VIEW", options.userName(), a.created().plusSeconds(3600), "");
        }
        for (SessionRecord s : vault.sessions()) {
            vault.byUserName(s.accountUserName())
                    .ifPresent(a -> audit(a.id(), "LAUNCH", s.vaultUser(), s.start(), "Remote Desktop to " + s.targetHost()));
        }
    }

    public static DelineaSimulator start(SimulatorOptions options) {
        return start(options, 0);
    }

    /** Secret Server on {@code port} (0 = any free port); the Platform tenant always on a free port. */
    public static DelineaSimulator start(SimulatorOptions options, int port) {
        DelineaSimulator sim = new DelineaSimulator(options);
        sim.secretServer = sim.openHost("secretserver", port, sim.secretServerRoutes(), DelineaSimulator::error);
        sim.platform = sim.openHost("platform", 0, sim.platformRoutes(), DelineaSimulator::error);
        return sim;
    }

    @Override
    public String vendor() {
        return "Delinea";
    }

    /** The Secret Server root, {@code http://127.0.0.1:port/SecretServer/}. */
    @Override
    public URI url() {
        return secretServer.resolve(SS);
    }

    /** The Delinea Platform tenant root (token endpoint and vault broker). */
    public URI platformUrl() {
        return platform;
    }

    @Override
    public List<String> describe() {
        return List.of("Delinea Secret Server: " + url(),
                "  password grant:     POST oauth2/token  " + options.userName() + " / " + options.password(),
                "Delinea Platform:      " + platformUrl(),
                "  client credentials: POST identity/api/oauth2/token/xpmplatform  " + options.clientId() + " / "
                        + options.clientSecret());
    }

    private Router secretServerRoutes() {
        return new Router()
                .post(SS + "oauth2/token/?", this::passwordGrant)
                .get(SS + "api/v[12]/secrets/?", authorized(this::searchSecrets))
                .get(SS + "api/v[12]/secrets/(\\d+)/?", authorized(r -> withSecret(r, this::secretDetail)))
                .get(SS + "api/v1/secrets/(\\d+)/state/?", authorized(r -> withSecret(r, this::state)))
                .get(SS + "api/v1/secrets/(\\d+)/summary/?", authorized(r -> withSecret(r, a -> SimResponse.json(200,
                        summary(a, List.of())))))
                .post(SS + "api/v1/secrets/(\\d+)/change-password/?", authorized(r -> withSecret(r, a -> changePassword(r, a))))
                .get(SS + "api/v1/secrets/(\\d+)/audits/?", authorized(r -> withSecret(r, a -> audits(r, a))))
                .get(SS + "api/v1/recorded-sessions/?", authorized(this::recordedSessions));
    }

    private Router platformRoutes() {
        return new Router()
                .post("/identity/api/oauth2/token/xpmplatform/?", this::platformToken)
                .get("/vaultbroker/api/vaults/?", this::vaults);
    }

    private SimResponse passwordGrant(SimRequest request) {
        if (!"password".equals(request.formValue("grant_type"))) {
            return SimResponse.json(400, obj("error", "unsupported_grant_type"));
        }
        if (!options.userName().equalsIgnoreCase(request.formValue("username"))
                || !options.password().equals(request.formValue("password"))) {
            // token-endpoint error body is an open question in the contract; OAuth's shape is used
            return SimResponse.json(400, obj("error", "invalid_grant", "error_description", "Login failed."));
        }
        return SimResponse.json(200, obj("access_token", tokens.issue(options.sessionLifetime()), "token_type", "bearer",
                "expires_in", options.sessionLifetime().toSeconds()));
    }

    private SimResponse platformToken(SimRequest request) {
        if (!"client_credentials".equals(request.formValue("grant_type"))) {
            return SimResponse.json(400, obj("error", "unsupported_grant_type"));
        }
        if (!"xpmheadless".equals(request.formValue("scope"))) {
            return SimResponse.json(400, obj("error", "invalid_scope"));
        }
        if (!options.clientId().equals(request.formValue("client_id"))
                || !options.clientSecret().equals(request.formValue("client_secret"))) {
            return SimResponse.json(400, obj("error", "invalid_client", "error_description", "Invalid client credentials"));
        }
        long lifetime = options.sessionLifetime().toSeconds();
        return SimResponse.json(200, obj("access_token", tokens.issue(options.sessionLifetime()),
                "refresh_token", "", "id_token", "", "token_type", "Bearer", "expires_in", lifetime,
                "session_expires_in", lifetime, "scope", "xpmheadless"));
    }

    private SimResponse vaults(SimRequest request) {
        if (!tokens.valid(authorizationToken(request, "Bearer"))) {
            return SimResponse.json(401, obj("message", "Unauthorized"));
        }
        String url = secretServer.resolve(SS).toString();
        return SimResponse.json(200, obj("vaults", List.of(
                obj("vaultId", "6a0e0a44-0000-4000-8000-000000000002", "name", "Retired vault",
                        "type", "SecretServerCloud", "isDefault", false, "isGlobalDefault", false, "isActive", false,
                        "connection", obj("url", "http://127.0.0.1:9/SecretServer/", "oAuthProfileId", "p-old")),
                obj("vaultId", "6a0e0a44-0000-4000-8000-000000000001", "name", "Vigil lab vault",
                        "type", "SecretServerCloud", "isDefault", true, "isGlobalDefault", true, "isActive", true,
                        "connection", obj("url", url, "oAuthProfileId", "p-1")))));
    }

    private Router.Handler authorized(Router.Handler handler) {
        return request -> tokens.valid(authorizationToken(request, "Bearer"))
                ? handler.handle(request)
                : SimResponse.json(403, obj("message", "Authentication failed or the token has expired."));
    }

    private SimResponse withSecret(SimRequest request, java.util.function.Function<VaultAccount, SimResponse> then) {
        Optional<VaultAccount> account = vault.find(Integer.parseInt(request.pathParam(1)));
        return account.map(then).orElseGet(() -> error(404, "Secret not found."));
    }

    private SimResponse searchSecrets(SimRequest request) {
        String text = param(request, "filter.searchText");
        String template = param(request, "filter.secretTemplateId");
        String folder = param(request, "filter.folderId");
        List<String> extended = new ArrayList<>(request.queryAll("filter.extendedFields"));
        extended.addAll(request.queryAll("paging.filter.extendedFields"));
        List<VaultAccount> matching = vault.accounts().stream()
                .filter(a -> text == null || secretName(a).toLowerCase().contains(text.toLowerCase()))
                .filter(a -> template == null || template.equals(Integer.toString(templateId(a))))
                .filter(a -> folder == null || folder.equals(Integer.toString(folderIds.get(a.seed().container()))))
                .collect(Collectors.toList());
        int skip = intParam(request, "skip", 0);
        int take = intParam(request, "take", 10);
        List<Object> records = Pages.slice(matching, skip, take).stream().map(a -> summary(a, extended))
                .collect(Collectors.toList());
        return SimResponse.json(200, envelope(records, matching.size(), skip, take));
    }

    /** Delinea's clients send paging either bare or with a {@code paging.} prefix; both are accepted. */
    private static String param(SimRequest request, String name) {
        String bare = request.query(name);
        return bare != null ? bare : request.query("paging." + name);
    }

    private static int intParam(SimRequest request, String name, int fallback) {
        String value = param(request, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SimRequest.BadRequest("The value '" + value + "' is not valid for " + name + ".");
        }
    }

    private static Map<String, Object> envelope(List<Object> records, int total, int skip, int take) {
        boolean hasNext = skip + take < total;
        int pageCount = take == 0 ? 0 : (total + take - 1) / take;
        return obj("records", records, "total", total, "skip", skip, "take", take,
                "nextSkip", hasNext ? skip + take : skip, "prevSkip", Math.max(0, skip - take),
                "hasNext", hasNext, "hasPrev", skip > 0, "pageCount", pageCount,
                "currentPage", take == 0 ? 0 : skip / take + 1, "batchCount", pageCount,
                "sortBy", List.of(), "severity", "None", "success", true);
    }

    private SimResponse secretDetail(VaultAccount a) {
        var seed = a.seed();
        List<Object> items = new ArrayList<>();
        items.add(item(1, seed.isDomainAccount() ? "Domain" : "Machine", seed.isDomainAccount() ? seed.netbiosDomain()
                : seed.address()));
        items.add(item(2, "Username", seed.userName()));
        items.add(item(4, "Notes", ""));
        Map<String, Object> detail = summary(a, List.of());
        detail.put("items", items);
        detail.put("lastHeartBeatCheck", a.created().toString());
        detail.put("failedPasswordChangeAttempts", a.status() == ChangeStatus.FAILED ? 1 : 0);
        return SimResponse.json(200, detail);
    }

    private static Map<String, Object> item(int id, String field, String value) {
        return obj("itemId", 100 + id, "fieldId", id, "fieldName", field, "slug", field.toLowerCase(),
                "itemValue", value, "isPassword", false, "isNotes", "Notes".equals(field), "isFile", false,
                "isList", false, "fieldDescription", field, "filename", null, "fileAttachmentId", null);
    }

    private SimResponse state(VaultAccount a) {
        vault.observe(a);
        return SimResponse.json(200, obj("id", a.id(), "secretName", secretName(a), "isActive", true,
                "passwordChangePending", a.status() == ChangeStatus.IN_PROGRESS, "isCheckedOut", false,
                "isCheckedOutByCurrentUser", false, "checkedOutUserId", -1, "checkedOutUserDisplayName", null,
                "checkOutMinutesRemaining", 0, "secretState", "Active", "role", "Owner"));
    }

    private SimResponse changePassword(SimRequest request, VaultAccount a) {
        var newPassword = Json.property(Json.read(request.body()), "newPassword");
        if (newPassword == null || newPassword.isNull() || newPassword.asString().isEmpty()) {
            return SimResponse.json(400, obj("message", "The request is invalid.", "messageDetail", "newPassword is required.",
                    "errorCode", "API_NewPasswordRequired", "modelState", obj("args.NewPassword",
                            List.of("The NewPassword field is required."))));
        }
        vault.requestChange(a);
        audit(a.id(), "CHANGE PASSWORD", options.userName(), vault.tick(), "Password change requested");
        return SimResponse.json(200, summary(a, List.of()));
    }

    private SimResponse audits(SimRequest request, VaultAccount a) {
        List<Audit> all = new ArrayList<>(audits);
        List<CheckoutRecord> checkouts = vault.checkouts();
        for (int i = 0; i < checkouts.size(); i++) {
            CheckoutRecord c = checkouts.get(i);
            if (c.accountUserName().equalsIgnoreCase(a.seed().userName())) {
                all.add(new Audit(100_000 + 2 * i, a.id(), "CHECKOUT", c.vaultUser(), c.checkedOut(), "Checked out"));
                if (c.checkedIn() != null) {
                    all.add(new Audit(100_001 + 2 * i, a.id(), "CHECKIN", c.vaultUser(), c.checkedIn(), "Checked in"));
                }
            }
        }
        List<Object> records = all.stream().filter(x -> x.secretId() == a.id())
                .sorted((x, y) -> y.at().compareTo(x.at()))
                .map(x -> (Object) obj("id", x.id(), "action", x.action(), "actionForDisplay", x.action(),
                        "username", x.userName(), "byUserDisplayName", x.userName(), "dateRecorded", x.at().toString(),
                        "notes", x.notes(), "ticketNumber", null, "databaseName", null, "status", null,
                        "hasProxySessionData", false, "recordingSessionId", null, "recordingStatus", null,
                        "recordingMessage", null))
                .collect(Collectors.toList());
        int skip = intParam(request, "skip", 0);
        int take = intParam(request, "take", 10);
        return SimResponse.json(200, envelope(Pages.slice(records, skip, take), records.size(), skip, take));
    }

    private SimResponse recordedSessions(SimRequest request) {
        Instant from = instantParam(request, "filter.startDate", Instant.MIN);
        Instant to = instantParam(request, "filter.endDate", Instant.MAX);
        List<Object> records = new ArrayList<>();
        for (SessionRecord s : vault.sessions()) {
            if (!s.start().isBefore(from) && !s.start().isAfter(to)) {
                Optional<VaultAccount> account = vault.byUserName(s.accountUserName());
                records.add(obj("secretSessionId", Integer.valueOf(s.id()),
                        "secretId", account.map(VaultAccount::id).orElse(null),
                        "secretName", account.map(this::secretName).orElse(null),
                        "userId", 40 + Integer.parseInt(s.id()),
                        "userName", s.vaultUser(),
                        "userDomainName", "LAB",
                        "userNameForDisplay", "LAB\\" + s.vaultUser(),
                        "secretSessionUserName", s.accountUserName(),
                        "machineName", s.targetHost(),
                        "launcherName", "Remote Desktop",
                        "launcherTypeId", 1,
                        "startDate", s.start().toString(),
                        "endDate", s.end() == null ? null : s.end().toString(),
                        "duration", s.end() == null ? null : s.end().getEpochSecond() - s.start().getEpochSecond(),
                        "active", s.live(),
                        "launchedSuccessfully", true,
                        "auditSecretId", account.map(VaultAccount::id).orElse(null)));
            }
        }
        int skip = intParam(request, "skip", 0);
        int take = intParam(request, "take", 10);
        return SimResponse.json(200, envelope(Pages.slice(records, skip, take), records.size(), skip, take));
    }

    private static Instant instantParam(SimRequest request, String name, Instant fallback) {
        String value = param(request, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new SimRequest.BadRequest("The value '" + value + "' is not valid for " + name + ".");
            }
        }
    }

    private Map<String, Object> summary(VaultAccount a, List<String> extendedFields) {
        var seed = a.seed();
        List<Object> extended = new ArrayList<>();
        for (String field : extendedFields) {
            String value = extendedValue(a, field);
            if (value != null) {
                extended.add(obj("name", field, "value", value));
            }
        }
        return obj("id", a.id(), "name", secretName(a), "secretTemplateId", templateId(a),
                "secretTemplateName", seed.isDomainAccount() ? "Active Directory Account" : "Windows Account",
                "folderId", folderIds.get(seed.container()), "siteId", 1, "active", true, "checkedOut", false,
                "checkOutEnabled", false, "autoChangeEnabled", seed.autoManaged(), "isRestricted", false,
                "isOutOfSync", a.status() == ChangeStatus.FAILED, "outOfSyncReason", a.failureReason() == null ? ""
                        : a.failureReason(),
                "lastHeartBeatStatus", "Success", "lastPasswordChangeAttempt", a.lastAttempt().toString(),
                "lastAccessed", null, "createDate", a.created().toString(), "daysUntilExpiration", 30,
                "requiresApproval", false, "requiresComment", false, "doubleLockEnabled", false, "hasLauncher", true,
                "extendedFields", extended);
    }

    private static String extendedValue(VaultAccount a, String field) {
        var seed = a.seed();
        switch (field.toLowerCase()) {
            case "domain":
                return seed.netbiosDomain();
            case "machine":
                return seed.isDomainAccount() ? null : seed.address();
            case "username":
                return seed.userName();
            default:
                return null;
        }
    }

    private String secretName(VaultAccount a) {
        var seed = a.seed();
        return (seed.isDomainAccount() ? seed.netbiosDomain() : seed.address()) + "\\" + seed.userName();
    }

    private static int templateId(VaultAccount a) {
        return a.seed().isDomainAccount() ? AD_TEMPLATE_ID : WINDOWS_TEMPLATE_ID;
    }

    private void audit(int secretId, String action, String user, Instant at, String notes) {
        audits.add(new Audit(audits.size() + 1, secretId, action, user, at, notes));
    }

    private static SimResponse error(int status, String message) {
        if (status == 400) {
            return SimResponse.json(400, obj("message", message, "messageDetail", message, "errorCode", "API_BadRequest",
                    "modelState", null));
        }
        return SimResponse.json(status, obj("message", message));
    }
}
