package io.vigil.integrations.pam.beyondtrust;

import io.vigil.integrations.pam.ChangeHandle;
import io.vigil.integrations.pam.ChangeState;
import io.vigil.integrations.pam.ManagedAccount;
import io.vigil.integrations.pam.PamConnector;
import io.vigil.integrations.pam.PamException;
import io.vigil.integrations.pam.PamOutcome;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.integrations.pam.PrivilegedSession;
import io.vigil.integrations.pam.internal.ApiUrl;
import io.vigil.integrations.pam.internal.PamCall;
import io.vigil.integrations.pam.internal.PamHttp;
import io.vigil.integrations.pam.internal.PamJson;
import io.vigil.integrations.http.RequestBody;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * BeyondTrust Password Safe (docs/pam-vendor-apis.md §2). Accounts from every managed system's
 * {@code ManagedAccounts} (or the role-based {@code ManagedAccounts}); reset with
 * {@code Credentials/Change} queued for Password Safe's change agent, followed through
 * {@code IsChanging} and {@code LastChangeDate}; sessions from {@code Sessions}.
 *
 * <p>No {@link #accountActivity} (it stays {@code UNSUPPORTED}): Password Safe has no API for an
 * account's checkouts. {@code Requests} lists only the calling user's own queues ({@code queue=req}
 * what it requested, {@code queue=app} what it may approve), so reading every release through it would
 * mean making Vigil's API user an approver of every managed account — the power to approve password
 * releases, for a monitoring tool — and without that the list is silently incomplete, which would read
 * as "no checkout". Password Safe checkouts reach Vigil only as sessions; see docs/pam.md.
 */
public final class BeyondTrustConnector implements PamConnector {

    private static final int MAX_PAGES = 100_000;

    private final BeyondTrustConfig config;
    private final PamHttp http;
    private final ApiUrl api;
    private final CookieSession session;

    BeyondTrustConnector(BeyondTrustConfig config) {
        this.config = config;
        this.http = new PamHttp(PamVendor.BEYONDTRUST, config.http());
        this.api = ApiUrl.of(config.apiUrl());
        this.session = new CookieSession(http, api, config.auth());
    }

    @Override
    public PamVendor vendor() {
        return PamVendor.BEYONDTRUST;
    }

    @Override
    public PamOutcome testConnection() {
        try {
            String path = config.listing() == AccountListing.MANAGED_SYSTEMS ? "ManagedSystems" : "ManagedAccounts";
            get(api.resolve(path, "limit", 1, "offset", 0));
            return PamOutcome.ok("Signed in to BeyondTrust Password Safe at " + api.base().getHost() + ".");
        } catch (PamException e) {
            return e.outcome();
        }
    }

    @Override
    public List<ManagedAccount> listManagedAccounts() {
        List<ManagedAccount> accounts = new ArrayList<>();
        if (config.listing() == AccountListing.MANAGED_ACCOUNTS) {
            for (JsonNode a : pages("ManagedAccounts")) {
                accounts.add(BeyondTrustAccounts.roleBased(a));
            }
            return accounts;
        }
        for (JsonNode system : pages("ManagedSystems")) {
            String systemId = PamJson.text(system, "ManagedSystemID");
            if (systemId == null) {
                continue;
            }
            for (JsonNode a : pages("ManagedSystems/" + ApiUrl.segment(systemId) + "/ManagedAccounts")) {
                accounts.add(BeyondTrustAccounts.provisioned(a, system));
            }
        }
        return accounts;
    }

    /**
     * Every item of a limit/offset listing, whichever shape it comes in: a bare array, a
     * {@code {TotalCount, Data}} page, or a single object.
     */
    private List<JsonNode> pages(String path) {
        List<JsonNode> out = new ArrayList<>();
        int limit = config.pageSize();
        int offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode json = get(api.resolve(path, "limit", limit, "offset", offset));
            List<JsonNode> items;
            long total = -1;
            if (json.isArray()) {
                items = PamJson.elements(json);
            } else if (PamJson.field(json, "Data") != null) {
                items = PamJson.elements(json, "Data");
                total = PamJson.number(json, -1, "TotalCount");
            } else {
                items = json.isObject() ? List.of(json) : List.of();
                out.addAll(items);
                break;
            }
            out.addAll(items);
            offset += items.size();
            if (items.isEmpty() || (total >= 0 ? offset >= total : items.size() < limit)) {
                break;
            }
        }
        return out;
    }

    @Override
    public ChangeHandle requestPasswordChange(String accountId) {
        JsonNode before = get(accountUrl(accountId, ""));
        Instant requested = config.http().clock().instant();
        // queued: an immediate change holds the request open for the whole change, past any sane timeout
        http.send(PamCall.post(accountUrl(accountId, "/Credentials/Change"), RequestBody.json("Queue", true),
                PamCall.Retry.ONLY_IF_UNPROCESSED), session);
        Boolean changing = PamJson.bool(before, "IsChanging");
        return new ChangeHandle(vendor(), accountId, requested, PamJson.instant(before, "LastChangeDate"),
                changing == null ? null : changing.toString());
    }

    @Override
    public ChangeState pollChange(ChangeHandle handle) {
        return BeyondTrustAccounts.changeState(handle, get(accountUrl(handle.accountId(), "")));
    }

    /** {@code Sessions} has no time filter; the ones that started before {@code since} are dropped here. */
    @Override
    public List<PrivilegedSession> recentSessions(Instant since) {
        List<PrivilegedSession> out = new ArrayList<>();
        for (JsonNode s : PamJson.elements(get(api.resolve("Sessions")))) {
            PrivilegedSession session = BeyondTrustAccounts.session(s);
            if (session.start() != null && !session.start().isBefore(since)) {
                out.add(session);
            }
        }
        return out;
    }

    private URI accountUrl(String accountId, String suffix) {
        return api.resolve("ManagedAccounts/" + ApiUrl.segment(accountId) + suffix);
    }

    private JsonNode get(URI uri) {
        PamCall call = PamCall.get(uri);
        return PamJson.parse(vendor(), call, http.send(call, session));
    }

    @Override
    public void close() {
        try {
            session.signOut();
        } catch (PamException e) {
            System.getLogger(BeyondTrustConnector.class.getName()).log(System.Logger.Level.INFO, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "BeyondTrustConnector[" + api.base() + "]";
    }
}
