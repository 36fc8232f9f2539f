package io.vigil.simulators.cyberark;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CyberArk PAM self-hosted PVWA and Privilege Cloud (docs/pam-vendor-apis.md §1): Gen2 logon with a
 * raw token in {@code Authorization}, Identity {@code oauth2/platformtoken} client credentials on a
 * second host giving Bearer tokens, {@code API/Accounts} with offset/limit/nextLink and filters,
 * asynchronous CPM change, PSM live sessions and recordings, account activities (retrievals and
 * check-ins, PSM connections, CPM changes, newest first). Times are Unix seconds, errors
 * {@code {"ErrorCode","ErrorMessage"}} (OAuth errors on the Identity host).
 */
public final class CyberArkSimulator extends VendorSimulator {

    private static final String API = "/PasswordVault/API/";
    private static final Pattern FILTER_PART =
            Pattern.compile("\\s*(safeName)\\s+eq\\s+(.+?)\\s*|\\s*(modificationTime)\\s+gte\\s+(\\d+)\\s*",
                    Pattern.CASE_INSENSITIVE);

    private final Map<String, Integer> safeIds = new LinkedHashMap<>();
    private URI pvwa;
    private URI identity;

    private CyberArkSimulator(SimulatorOptions options) {
        super(options);
        for (VaultAccount a : vault.accounts()) {
            safeIds.putIfAbsent(a.seed().container(), 10 + safeIds.size());
        }
    }

    public static CyberArkSimulator start(SimulatorOptions options) {
        return start(options, 0);
    }

    /** PVWA on {@code port} (0 = any free port); the Identity tenant always on a free port. */
    public static CyberArkSimulator start(SimulatorOptions options, int port) {
        CyberArkSimulator sim = new CyberArkSimulator(options);
        sim.pvwa = sim.openHost("pvwa", port, sim.pvwaRoutes(), CyberArkSimulator::vaultError);
        sim.identity = sim.openHost("identity", 0, sim.identityRoutes(), CyberArkSimulator::oauthError);
        return sim;
    }

    @Override
    public String vendor() {
        return "CyberArk";
    }

    /** The PVWA root, {@code http://127.0.0.1:port/PasswordVault/}. */
    @Override
    public URI url() {
        return pvwa.resolve("/PasswordVault/");
    }

    /** The Identity tenant root, where {@code oauth2/platformtoken} lives. */
    public URI identityUrl() {
        return identity;
    }

    @Override
    public List<String> describe() {
        return List.of("CyberArk PVWA:       " + url(),
                "  vault logon:       POST API/auth/CyberArk/Logon  user " + options.userName()
                        + " / " + options.password(),
                "CyberArk Identity:   " + identityUrl(),
                "  client credentials: POST oauth2/platformtoken  " + options.clientId() + " / "
                        + options.clientSecret());
    }

    /** The PVWA id of a vault account, {@code <safeId>_<objectId>}. */
    public String accountId(VaultAccount account) {
        return safeIds.get(account.seed().container()) + "_" + account.id();
    }

    private Router pvwaRoutes() {
        return new Router()
                .post(API + "auth/(CyberArk|LDAP|RADIUS|Windows)/Logon/?", this::logon)
                .post(API + "Auth/Logoff/?", this::logoff)
                .get(API + "Accounts/?", authorized(this::listAccounts))
                .get(API + "Accounts/([^/]+)/?", authorized(this::getAccount))
                .get(API + "Accounts/([^/]+)/Activities/?", authorized(this::activities))
                .post(API + "Accounts/([^/]+)/Change/?", authorized(this::change))
                .get(API + "LiveSessions/?", authorized(r -> sessions(r, "LiveSessions", SessionRecord::live)))
                .get(API + "Recordings/?", authorized(r -> sessions(r, "Recordings", s -> !s.live())));
    }

    private Router identityRoutes() {
        return new Router().post("/oauth2/platformtoken/?", this::platformToken);
    }

    private SimResponse logon(SimRequest request) {
        var body = Json.read(request.body());
        var user = Json.property(body, "username");
        var password = Json.property(body, "password");
        if (user == null || password == null) {
            return vaultError(400, "Missing mandatory parameter - username or password.", "PASWS167E");
        }
        if (!user.asString().equalsIgnoreCase(options.userName()) || !password.asString().equals(options.password())) {
            return vaultError(401, "Authentication failure for User [" + user.asString() + "].", "ITATS127E");
        }
        // Gen2 logon answers the token as a bare JSON string
        return SimResponse.json(200, tokens.issue(options.sessionLifetime()));
    }

    private SimResponse logoff(SimRequest request) {
        tokens.revoke(authorizationToken(request, null));
        return SimResponse.json(200, obj("LogoffUrl", ""));
    }

    private SimResponse platformToken(SimRequest request) {
        if (!"client_credentials".equals(request.formValue("grant_type"))) {
            return SimResponse.json(400, obj("error", "unsupported_grant_type",
                    "error_description", "grant_type must be client_credentials"));
        }
        if (!options.clientId().equals(request.formValue("client_id"))
                || !options.clientSecret().equals(request.formValue("client_secret"))) {
            return SimResponse.json(401, obj("error", "invalid_client", "error_description", "Invalid client credentials"));
        }
        return SimResponse.json(200, obj("access_token", tokens.issue(options.sessionLifetime()),
                "token_type", "Bearer", "expires_in", options.sessionLifetime().toSeconds()));
    }

    /** Self-hosted sends the raw token, Privilege Cloud {@code Bearer <token>}; both are accepted. */
    private Router.Handler authorized(Router.Handler handler) {
        return request -> {
            String token = authorizationToken(request, "Bearer");
            if (token == null) {
                token = authorizationToken(request, null);
            }
            if (!tokens.valid(token)) {
                return vaultError(401, "The session token is missing, invalid or expired.", "PASWS013E");
            }
            return handler.handle(request);
        };
    }

    private SimResponse listAccounts(SimRequest request) {
        int offset = request.queryInt("offset", 0);
        int limit = Math.min(request.queryInt("limit", 50), 1000);
        String filter = request.query("filter");
        String search = request.query("search");
        List<VaultAccount> matching = vault.accounts().stream()
                .filter(filterPredicate(filter))
                .filter(a -> search == null || matchesSearch(a, search))
                .collect(Collectors.toList());
        List<Object> page = Pages.slice(matching, offset, limit).stream().map(this::account).collect(Collectors.toList());
        Map<String, Object> body = obj("value", page, "count", matching.size());
        if (offset + limit < matching.size()) {
            StringBuilder next = new StringBuilder("api/Accounts?offset=").append(offset + limit).append("&limit=").append(limit);
            if (filter != null) {
                next.append("&filter=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
            }
            if (search != null) {
                next.append("&search=").append(URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20"));
            }
            body.put("nextLink", next.toString());
        }
        return SimResponse.json(200, body);
    }

    private Predicate<VaultAccount> filterPredicate(String filter) {
        Predicate<VaultAccount> all = a -> true;
        if (filter == null || filter.isBlank()) {
            return all;
        }
        for (String part : filter.split("(?i)\\s+AND\\s+")) {
            Matcher m = FILTER_PART.matcher(part);
            if (!m.matches()) {
                throw new SimRequest.BadRequest("The filter '" + part.trim() + "' is not supported.");
            }
            if (m.group(1) != null) {
                String safe = m.group(2);
                all = all.and(a -> a.seed().container().equalsIgnoreCase(safe));
            } else {
                long since = Long.parseLong(m.group(4));
                all = all.and(a -> a.lastChange().getEpochSecond() >= since);
            }
        }
        return all;
    }

    private static boolean matchesSearch(VaultAccount a, String search) {
        String haystack = (a.seed().userName() + " " + a.seed().address()).toLowerCase(Locale.ROOT);
        for (String word : search.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private SimResponse getAccount(SimRequest request) {
        Optional<VaultAccount> account = byPvwaId(request.pathParam(1));
        if (account.isEmpty()) {
            return vaultError(404, "Account " + request.pathParam(1) + " was not found.", "PASWS165E");
        }
        // a status read is how clients follow a CPM change; each read moves the simulated CPM on
        vault.observe(account.get());
        return SimResponse.json(200, account(account.get()));
    }

    private SimResponse change(SimRequest request) {
        Optional<VaultAccount> account = byPvwaId(request.pathParam(1));
        if (account.isEmpty()) {
            return vaultError(404, "Account " + request.pathParam(1) + " was not found.", "PASWS165E");
        }
        Json.read(request.body()); // ChangeEntireGroup / ChangeCredsForGroup are accepted and ignored
        vault.requestChange(account.get());
        return SimResponse.empty(200);
    }

    /**
     * {@code {"Activities":[{Date, User, Action, ActionID, Alert, ClientID, Reason, MoreInfo}]}}, newest
     * first and unpaged. Codes are the vault's audit action codes (295 Retrieve Password, 300 PSM Connect,
     * 302 PSM Disconnect, 24 CPM Change Password); check-in's code is not in the contract, so it has none.
     */
    private SimResponse activities(SimRequest request) {
        Optional<VaultAccount> found = byPvwaId(request.pathParam(1));
        if (found.isEmpty()) {
            return vaultError(404, "Account " + request.pathParam(1) + " was not found.", "PASWS165E");
        }
        VaultAccount account = found.get();
        String userName = account.seed().userName();
        List<Map<String, Object>> out = new ArrayList<>();
        for (CheckoutRecord c : vault.checkouts()) {
            if (c.accountUserName().equalsIgnoreCase(userName)) {
                out.add(activity(c.checkedOut(), c.vaultUser(), "Retrieve password", 295, "PVWA", "Checked out for maintenance"));
                if (c.checkedIn() != null) {
                    out.add(activity(c.checkedIn(), c.vaultUser(), "Check In", null, "PVWA", ""));
                }
            }
        }
        for (SessionRecord s : vault.sessions()) {
            if (s.accountUserName().equalsIgnoreCase(userName)) {
                out.add(activity(s.start(), s.vaultUser(), "PSM Connect", 300, "PSMApp", "Target: " + s.targetHost()));
                if (s.end() != null) {
                    out.add(activity(s.end(), s.vaultUser(), "PSM Disconnect", 302, "PSMApp", ""));
                }
            }
        }
        if (account.lastChange().isAfter(account.created())) {
            out.add(activity(account.lastChange(), "PasswordManager", "CPM Change Password", 24, "CPM", ""));
        }
        out.sort(Comparator.comparing((Map<String, Object> a) -> (Long) a.get("Date")).reversed());
        return SimResponse.json(200, obj("Activities", out));
    }

    private static Map<String, Object> activity(Instant at, String user, String action, Integer code, String client,
                                                String reason) {
        return obj("Date", at.getEpochSecond(), "User", user, "Action", action, "ActionID", code, "Alert", false,
                "ClientID", client, "Reason", reason, "MoreInfo", "");
    }

    private Optional<VaultAccount> byPvwaId(String id) {
        return vault.accounts().stream().filter(a -> accountId(a).equals(id)).findFirst();
    }

    private Map<String, Object> account(VaultAccount a) {
        var seed = a.seed();
        Map<String, Object> management = obj("automaticManagementEnabled", seed.autoManaged());
        if (!seed.autoManaged()) {
            management.put("manualManagementReason", "Managed by the application team");
        }
        String status = cpmStatus(a.status());
        if (status != null) {
            management.put("status", status);
        }
        management.put("lastModifiedTime", a.lastChange().getEpochSecond());
        management.put("lastReconciledTime", a.created().getEpochSecond());
        management.put("lastVerifiedTime", a.created().getEpochSecond());
        String platform = seed.isDomainAccount() ? "WinDomain" : "WinServerLocal";
        Map<String, Object> properties = seed.isDomainAccount() ? obj("LogonDomain", seed.netbiosDomain()) : obj();
        return obj("categoryModificationTime", a.created().getEpochSecond(),
                "platformId", platform,
                "safeName", seed.container(),
                "id", accountId(a),
                "name", "Operating System-" + platform + "-" + seed.address() + "-" + seed.userName(),
                "address", seed.address(),
                "userName", seed.userName(),
                "secretType", "password",
                "platformAccountProperties", properties,
                "secretManagement", management,
                "createdTime", a.created().getEpochSecond());
    }

    /** Before any CPM action the status is absent (an open question in the contract; clients must cope). */
    private static String cpmStatus(ChangeStatus status) {
        switch (status) {
            case IN_PROGRESS:
                return "inProcess";
            case SUCCEEDED:
                return "success";
            case FAILED:
                return "failure";
            default:
                return null;
        }
    }

    private SimResponse sessions(SimRequest request, String property, Predicate<SessionRecord> kind) {
        int offset = request.queryInt("Offset", 0);
        int limit = request.queryInt("Limit", 25);
        long from = request.queryInt("FromTime", 0);
        long to = request.queryInt("ToTime", Integer.MAX_VALUE);
        List<SessionRecord> matching = vault.sessions().stream().filter(kind)
                .filter(s -> s.start().getEpochSecond() >= from && s.start().getEpochSecond() <= to)
                .collect(Collectors.toList());
        List<Object> page = new ArrayList<>();
        for (SessionRecord s : Pages.slice(matching, offset, limit)) {
            page.add(session(s));
        }
        return SimResponse.json(200, obj(property, page, "Total", matching.size()));
    }

    private Map<String, Object> session(SessionRecord s) {
        Instant end = s.end();
        return obj("SessionID", s.id(),
                "SessionGuid", "5a4f" + s.id(),
                "SafeName", "Domain Admins Safe",
                "FolderName", "Root",
                "IsLive", s.live(),
                "Start", s.start().getEpochSecond(),
                "End", end == null ? null : end.getEpochSecond(),
                "Duration", end == null ? null : end.getEpochSecond() - s.start().getEpochSecond(),
                "User", s.vaultUser(),
                "RemoteMachine", s.targetHost(),
                "FromIP", s.clientIp(),
                "AccountUsername", s.accountUserName(),
                "AccountAddress", s.accountAddress(),
                "AccountPlatformID", "WinDomain",
                "ConnectionComponentID", "PSM-" + s.protocol(),
                "Protocol", s.protocol(),
                "Client", "RDP",
                "RawProperties", obj("Address", s.accountAddress(), "DeviceType", "Operating System"));
    }

    private static SimResponse vaultError(int status, String message) {
        return vaultError(status, message, status >= 500 ? "PASWS001E" : "PASWS002E");
    }

    private static SimResponse vaultError(int status, String message, String code) {
        return SimResponse.json(status, obj("ErrorCode", code, "ErrorMessage", message));
    }

    private static SimResponse oauthError(int status, String message) {
        return SimResponse.json(status, obj("error", status >= 500 ? "server_error" : "invalid_request",
                "error_description", message));
    }
}
