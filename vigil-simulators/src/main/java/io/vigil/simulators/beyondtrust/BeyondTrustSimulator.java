package io.vigil.simulators.beyondtrust;

import static io.vigil.simulators.core.Json.obj;

import io.vigil.simulators.core.ChangeStatus;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * BeyondTrust Password Safe public API v3 (docs/pam-vendor-apis.md §2): {@code Auth/SignAppin}
 * with {@code PS-Auth key=…; runas=…; pwd=[…];} or an OAuth Bearer token from
 * {@code Auth/Connect/Token}, then an {@code ASP.NET_SessionId} cookie session; managed systems and
 * their accounts (an array, or {@code {TotalCount,Data}} when {@code limit} is given), role-based
 * {@code ManagedAccounts}, {@code Credentials/Change} answering 204, sessions. PascalCase, dates as
 * zone-less UTC date-time strings, errors as plain text.
 */
public final class BeyondTrustSimulator extends VendorSimulator {

    public static final String SESSION_COOKIE = "ASP.NET_SessionId";
    private static final String API = "/BeyondTrust/api/public/v3/";

    /** A managed system: a directory (one per DNS domain) or an asset (one per host). */
    private record ManagedSystem(int id, String name, boolean directory, String netbiosName) {
    }

    private final List<ManagedSystem> systems = new ArrayList<>();
    private final Map<String, Integer> userIds = new LinkedHashMap<>();
    private URI root;

    private BeyondTrustSimulator(SimulatorOptions options) {
        super(options);
        for (VaultAccount a : vault.accounts()) {
            if (systemOf(a) == null) {
                systems.add(new ManagedSystem(systems.size() + 1, a.seed().address(), a.seed().isDomainAccount(),
                        a.seed().netbiosDomain()));
            }
        }
        userIds.put(options.userName(), 7);
    }

    public static BeyondTrustSimulator start(SimulatorOptions options) {
        return start(options, 0);
    }

    public static BeyondTrustSimulator start(SimulatorOptions options, int port) {
        BeyondTrustSimulator sim = new BeyondTrustSimulator(options);
        sim.root = sim.openHost("passwordsafe", port, sim.routes(), (status, message) -> SimResponse.text(status, message));
        return sim;
    }

    @Override
    public String vendor() {
        return "BeyondTrust";
    }

    /** The API base, {@code http://127.0.0.1:port/BeyondTrust/api/public/v3/}. */
    @Override
    public URI url() {
        return root.resolve(API);
    }

    @Override
    public List<String> describe() {
        return List.of("BeyondTrust Password Safe: " + url(),
                "  API key:          " + options.apiKey(),
                "  run as:           " + options.userName() + " (pwd " + options.password() + " optional)",
                "  OAuth client:     " + options.clientId() + " / " + options.clientSecret());
    }

    /** The BeyondInsight user id the simulator gives a vault user name in session records. */
    public int userId(String vaultUser) {
        synchronized (userIds) {
            return userIds.computeIfAbsent(vaultUser, k -> 20 + userIds.size());
        }
    }

    public int managedSystemId(VaultAccount account) {
        return systemOf(account).id();
    }

    private ManagedSystem systemOf(VaultAccount account) {
        return systems.stream().filter(s -> s.name().equalsIgnoreCase(account.seed().address())).findFirst().orElse(null);
    }

    private Router routes() {
        return new Router()
                .post(API + "Auth/SignAppin/?", this::signAppIn)
                .post(API + "Auth/Connect/Token/?", this::connectToken)
                .post(API + "Auth/Signout/?", this::signOut)
                .get(API + "ManagedSystems/?", signedIn(this::managedSystems))
                .get(API + "ManagedSystems/(\\d+)/ManagedAccounts/?", signedIn(this::systemAccounts))
                .get(API + "ManagedAccounts/?", signedIn(this::roleBasedAccounts))
                .get(API + "ManagedAccounts/(\\d+)/?", signedIn(this::managedAccount))
                .post(API + "ManagedAccounts/(\\d+)/Credentials/Change/?", signedIn(this::change))
                .get(API + "Sessions/?", signedIn(this::sessions));
    }

    private SimResponse signAppIn(SimRequest request) {
        String header = request.header("Authorization");
        if (header == null) {
            return SimResponse.text(401, "Unauthorized");
        }
        String bearer = authorizationToken(request, "Bearer");
        if (bearer != null) {
            if (!tokens.valid(bearer)) {
                return SimResponse.text(401, "Unauthorized");
            }
        } else {
            String failure = checkPsAuth(header);
            if (failure != null) {
                return SimResponse.text(401, failure);
            }
        }
        String session = tokens.issue(options.sessionLifetime());
        return SimResponse.json(200, obj("UserId", userId(options.userName()),
                        "SID", "S-1-5-21-3623811015-3361044348-30300820-1107",
                        "EmailAddress", options.userName() + "@lab.local",
                        "UserName", options.userName(),
                        "Name", "Vigil service"))
                .withHeader("Set-Cookie", SESSION_COOKIE + "=" + session + "; path=/; HttpOnly; SameSite=Lax");
    }

    /** Null when the {@code PS-Auth} header names the registered key (and, if given, the run-as user and password). */
    private String checkPsAuth(String header) {
        String trimmed = header.trim();
        if (!trimmed.regionMatches(true, 0, "PS-Auth ", 0, 8)) {
            return "Unauthorized";
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : trimmed.substring(8).split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim().toLowerCase(), part.substring(eq + 1).trim());
            }
        }
        if (!options.apiKey().equals(parts.get("key"))) {
            return "Unauthorized: API key not recognised";
        }
        String runAs = parts.get("runas");
        if (runAs != null && !runAs.equalsIgnoreCase(options.userName())) {
            return "Unauthorized: run-as user not recognised";
        }
        String pwd = parts.get("pwd");
        if (pwd != null) {
            if (!pwd.startsWith("[") || !pwd.endsWith("]") || !pwd.substring(1, pwd.length() - 1).equals(options.password())) {
                return "Unauthorized: run-as password not accepted";
            }
        }
        return null;
    }

    private SimResponse connectToken(SimRequest request) {
        if (!"client_credentials".equals(request.formValue("grant_type"))) {
            return SimResponse.json(400, obj("error", "unsupported_grant_type"));
        }
        if (!options.clientId().equals(request.formValue("client_id"))
                || !options.clientSecret().equals(request.formValue("client_secret"))) {
            return SimResponse.json(400, obj("error", "invalid_client"));
        }
        return SimResponse.json(200, obj("access_token", tokens.issue(options.sessionLifetime()),
                "expires_in", options.sessionLifetime().toSeconds(), "token_type", "Bearer", "scope", "publicapi"));
    }

    private SimResponse signOut(SimRequest request) {
        tokens.revoke(request.cookie(SESSION_COOKIE));
        return SimResponse.empty(200);
    }

    private Router.Handler signedIn(Router.Handler handler) {
        return request -> tokens.valid(request.cookie(SESSION_COOKIE))
                ? handler.handle(request)
                : SimResponse.text(401, "User not authenticated");
    }

    private SimResponse managedSystems(SimRequest request) {
        List<Object> all = systems.stream().map(this::system).collect(Collectors.toList());
        return paged(request, all, 1000);
    }

    private SimResponse systemAccounts(SimRequest request) {
        int systemId = Integer.parseInt(request.pathParam(1));
        if (systems.stream().noneMatch(s -> s.id() == systemId)) {
            return SimResponse.text(404, "Managed system not found");
        }
        List<Object> all = vault.accounts().stream().filter(a -> managedSystemId(a) == systemId)
                .map(this::provisionedAccount).collect(Collectors.toList());
        return paged(request, all, 1000);
    }

    /**
     * Without {@code limit} the whole list is an array; with it, {@code {TotalCount, Data}} (documented
     * for ManagedSystems, inferred for a system's accounts).
     */
    private static SimResponse paged(SimRequest request, List<Object> all, int defaultLimit) {
        int offset = request.queryInt("offset", 0);
        if (request.query("limit") == null) {
            return SimResponse.json(200, Pages.slice(all, offset, defaultLimit));
        }
        List<Object> page = Pages.slice(all, offset, request.queryInt("limit", defaultLimit));
        return SimResponse.json(200, obj("TotalCount", all.size(), "Data", page));
    }

    private SimResponse roleBasedAccounts(SimRequest request) {
        String systemName = request.query("systemName");
        String accountName = request.query("accountName");
        List<VaultAccount> matching = vault.accounts().stream()
                .filter(a -> systemName == null || systemOf(a).name().equalsIgnoreCase(systemName))
                .filter(a -> accountName == null || accountNameMatches(a, accountName))
                .collect(Collectors.toList());
        if (systemName != null && accountName != null) {
            return matching.isEmpty() ? SimResponse.text(404, "Managed account not found")
                    : SimResponse.json(200, roleBasedAccount(matching.get(0)));
        }
        List<Object> page = Pages.slice(matching, request.queryInt("offset", 0), request.queryInt("limit", 1000))
                .stream().map(this::roleBasedAccount).collect(Collectors.toList());
        return SimResponse.json(200, page);
    }

    /** Directory accounts are named as a UPN or {@code DOMAIN\name}; local ones by name. */
    private static boolean accountNameMatches(VaultAccount a, String name) {
        var seed = a.seed();
        return seed.userName().equalsIgnoreCase(name)
                || (seed.isDomainAccount() && (seed.userPrincipalName().equalsIgnoreCase(name)
                || (seed.netbiosDomain() + "\\" + seed.userName()).equalsIgnoreCase(name)));
    }

    private SimResponse managedAccount(SimRequest request) {
        Optional<VaultAccount> account = vault.find(Integer.parseInt(request.pathParam(1)));
        if (account.isEmpty()) {
            return SimResponse.text(404, "Managed account not found");
        }
        vault.observe(account.get());
        return SimResponse.json(200, provisionedAccount(account.get()));
    }

    private SimResponse change(SimRequest request) {
        Optional<VaultAccount> account = vault.find(Integer.parseInt(request.pathParam(1)));
        if (account.isEmpty()) {
            return SimResponse.text(404, "Managed account not found");
        }
        var queue = Json.property(Json.read(request.body()), "Queue");
        if (queue != null && !queue.asBoolean()) {
            vault.changeNow(account.get());
            if (account.get().status() == ChangeStatus.FAILED) {
                // contract open question: the answer to a failed immediate change (simulator's choice)
                return SimResponse.text(500, "Password change failed: " + account.get().failureReason());
            }
        } else {
            vault.requestChange(account.get());
        }
        return SimResponse.empty(204);
    }

    private SimResponse sessions(SimRequest request) {
        Set<Integer> statuses = request.query("status") == null ? null
                : Arrays.stream(request.query("status").split(",")).map(String::trim).map(Integer::valueOf)
                .collect(Collectors.toSet());
        String userId = request.query("userID");
        List<Object> out = new ArrayList<>();
        for (SessionRecord s : vault.sessions()) {
            int status = s.live() ? 1 : 2;
            if ((statuses == null || statuses.contains(status))
                    && (userId == null || userId.equals(Integer.toString(userId(s.vaultUser()))))) {
                out.add(session(s, status));
            }
        }
        return SimResponse.json(200, out);
    }

    private Map<String, Object> session(SessionRecord s, int status) {
        Optional<VaultAccount> account = vault.byUserName(s.accountUserName());
        return obj("SessionID", Integer.valueOf(s.id()),
                "UserID", userId(s.vaultUser()),
                "NodeID", "a1b2c3d4-0000-4000-8000-000000000001",
                "Status", status,
                "ArchiveStatus", 0,
                "Protocol", "SSH".equalsIgnoreCase(s.protocol()) ? 1 : 0,
                "StartTime", date(s.start()),
                "EndTime", s.end() == null ? null : date(s.end()),
                "Duration", s.end() == null ? 0 : s.end().getEpochSecond() - s.start().getEpochSecond(),
                "AssetName", s.targetHost(),
                "ManagedSystemID", account.map(this::managedSystemId).orElse(null),
                "ManagedAccountID", account.map(VaultAccount::id).orElse(null),
                "ManagedAccountName", s.accountUserName(),
                "RecordKey", "rk-" + s.id(),
                "Token", "st-" + s.id());
    }

    private Map<String, Object> system(ManagedSystem s) {
        return obj("ManagedSystemID", s.id(),
                "EntityTypeID", s.directory() ? 3 : 1,
                "AssetID", s.directory() ? null : 100 + s.id(),
                "DatabaseID", null,
                "DirectoryID", s.directory() ? 200 + s.id() : null,
                "CloudID", null,
                "SystemName", s.name(),
                "HostName", s.directory() ? null : s.name(),
                "DnsName", s.name(),
                "NetBiosName", s.netbiosName(),
                "PlatformID", s.directory() ? 25 : 2,
                "AutoManagementFlag", true);
    }

    private Map<String, Object> provisionedAccount(VaultAccount a) {
        var seed = a.seed();
        return obj("ManagedAccountID", a.id(),
                "ManagedSystemID", managedSystemId(a),
                "DomainName", seed.isDomainAccount() ? seed.address() : null,
                "AccountName", seed.userName(),
                "DistinguishedName", seed.isDomainAccount()
                        ? "CN=" + seed.userName() + ",OU=Admins," + dn(seed.address()) : null,
                "UserPrincipalName", seed.userPrincipalName(),
                "SAMAccountName", seed.isDomainAccount() ? seed.userName() : null,
                "ApiEnabled", true,
                "AutoManagementFlag", seed.autoManaged(),
                "ChangeFrequencyType", "xdays",
                "ChangeFrequencyDays", 30,
                "ChangeTime", "23:30",
                "LastChangeDate", date(a.lastChange()),
                "NextChangeDate", date(a.lastChange().plus(30, ChronoUnit.DAYS)),
                "IsChanging", a.status() == ChangeStatus.IN_PROGRESS,
                "ParentAccountID", null,
                "IsSubscribedAccount", false,
                "UseOwnCredentials", false,
                "WorkgroupID", null);
    }

    private Map<String, Object> roleBasedAccount(VaultAccount a) {
        var seed = a.seed();
        ManagedSystem system = systemOf(a);
        return obj("PlatformID", system.directory() ? 25 : 2,
                "SystemId", system.id(),
                "SystemName", system.name(),
                "DomainName", seed.isDomainAccount() ? seed.address() : null,
                "AccountId", a.id(),
                "AccountName", seed.userName(),
                "InstanceName", "",
                "UserPrincipalName", seed.userPrincipalName(),
                "ApplicationID", null,
                "ApplicationDisplayName", null,
                "DefaultReleaseDuration", 120,
                "MaximumReleaseDuration", 10079,
                "LastChangeDate", date(a.lastChange()),
                "NextChangeDate", date(a.lastChange().plus(30, ChronoUnit.DAYS)),
                "IsChanging", a.status() == ChangeStatus.IN_PROGRESS,
                // ChangeState values are undocumented; the simulator uses 0 idle, 1 changing, 2 failed
                "ChangeState", a.status() == ChangeStatus.IN_PROGRESS ? 1 : a.status() == ChangeStatus.FAILED ? 2 : 0,
                "IsISAAccess", false,
                "PreferredNodeID", "a1b2c3d4-0000-4000-8000-000000000001",
                "AccountDescription", seed.isDomainAccount() ? "Domain account" : "Local administrator");
    }

    /** Password Safe dates are date-time strings without a zone (UTC here). */
    private static String date(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static String dn(String dnsDomain) {
        return Arrays.stream(dnsDomain.split("\\.")).map(p -> "DC=" + p).collect(Collectors.joining(","));
    }
}
