package io.vigil.server.console.identities;

import io.vigil.integrations.pam.PamVendor;
import io.vigil.model.directory.IdentityTag;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.Paging;
import io.vigil.server.console.internal.Htmx;
import io.vigil.server.console.internal.ListPage;
import io.vigil.server.console.internal.QueryLinks;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.VaultReference;
import io.vigil.server.identities.IdentityDetailView;
import io.vigil.server.identities.IdentityQuery;
import io.vigil.server.identities.IdentityService;
import io.vigil.server.identities.IdentityView;
import io.vigil.server.incidents.IncidentService;
import io.vigil.server.incidents.IncidentSummaryView;
import io.vigil.server.pam.PasswordResetRequest;
import io.vigil.server.pam.PasswordResetView;
import io.vigil.server.pam.PasswordResets;
import io.vigil.server.security.AdminAccess;
import io.vigil.server.security.ReaderAccess;
import io.vigil.store.PageRequest;
import io.vigil.store.incidents.IncidentFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /identities}: Assets &gt; Identities and an identity's page with its ⋯ menu: "Reset password
 * by <vendor>" for the vaults that manage it, and the sensitive and honeytoken marks (admins).
 */
@Controller
@RequestMapping("/identities")
class IdentityPagesController {

    static final int PAGE_SIZE = 50;
    private static final int RECENT = 10;
    private static final Set<IdentityTag> MARKS = Set.of(IdentityTag.SENSITIVE, IdentityTag.HONEYTOKEN);

    private final IdentityService identities;
    private final IncidentService incidents;
    private final PasswordResets resets;
    private final DirectoryInventory inventory;

    IdentityPagesController(IdentityService identities, IncidentService incidents, PasswordResets resets,
            DirectoryInventory inventory) {
        this.identities = identities;
        this.incidents = incidents;
        this.resets = resets;
        this.inventory = inventory;
    }

    @GetMapping
    @ReaderAccess
    String list(IdentityFilters filters, @RequestParam(name = "offset", defaultValue = "0") int offset,
            HttpServletRequest request, Model model) {
        model.addAttribute("page", ListPage.of(identities.page(filters.toQuery(), Paging.of(offset, PAGE_SIZE)),
                QueryLinks.of(request)));
        model.addAttribute("filters", filters);
        model.addAttribute("tags", ApiValues.names(IdentityTag.values()).stream()
                .filter(t -> !t.startsWith("managed_by_")).toList());
        model.addAttribute("domains", inventory.current().snapshots().keySet().stream().sorted().toList());
        model.addAttribute("risks", IdentityQuery.RISKS);
        model.addAttribute("vendors", List.of(PamVendor.values()));
        return "identities/list";
    }

    @GetMapping("/{id}")
    @ReaderAccess
    String identity(@PathVariable("id") String id, Model model) {
        IdentityDetailView detail = identities.detail(id);
        var identity = detail.identity();
        model.addAttribute("detail", detail);
        model.addAttribute("identity", identity);
        model.addAttribute("incidents", incidents.find(IncidentFilter.any().withEntityKeys(identities.entityKeysOf(identity)),
                PageRequest.first(RECENT)).map(IncidentSummaryView::of));
        List<ResetAction> actions = ResetAction.of(vaultAccountsOf(identity));
        model.addAttribute("resetActions", actions);
        model.addAttribute("resets", detail.passwordResets().stream().limit(RECENT).map(r -> ResetState.of(id, r)).toList());
        model.addAttribute("markable", identity.sid() != null);
        model.addAttribute("marked", detail.marks().stream().map(IdentityDetailView.MarkView::mark).toList());
        return "identities/detail";
    }

    /** Sets ({@code set=true}) or removes a sensitive or honeytoken mark, then shows the identity again. */
    @PostMapping("/{id}/marks")
    @AdminAccess
    String mark(@PathVariable("id") String id, @RequestParam("mark") String mark,
            @RequestParam(name = "set", defaultValue = "true") boolean set, Principal user) {
        if (!MARKS.contains(ApiValues.parse(IdentityTag.class, "mark", mark))) {
            throw new InvalidRequestException("mark", "only sensitive and honeytoken are marked by hand");
        }
        identities.mark(id, mark, set, user.getName());
        return "redirect:/identities/{id}";
    }

    /**
     * "Reset password by <vendor>" through the same path as {@code POST /api/v1/response/password-resets}.
     * htmx gets the request's state, which then polls itself until final; a plain form goes back to the page.
     */
    @PostMapping("/{id}/password-resets")
    @AdminAccess
    String reset(@PathVariable("id") String id, @RequestParam("vendor") String vendor,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @RequestParam(name = "connectionId", required = false) String connectionId,
            @RequestParam(name = "idempotencyKey", defaultValue = "") String idempotencyKey, Principal user,
            HttpServletRequest request, Model model) {
        var identity = identities.detail(id).identity();
        ResetAction action = ResetAction.of(vaultAccountsOf(identity)).stream()
                .filter(a -> a.vendor().equals(vendor.toLowerCase(Locale.ROOT))
                        && (connectionId == null || connectionId.equals(a.connectionId()))).findFirst()
                .orElseThrow(() -> new InvalidRequestException("vendor", "no connected " + vendor
                        + " vault manages " + identity.name()));
        PasswordResetView reset = resets.request(new PasswordResetRequest(ResetAction.target(identity), reason,
                action.connectionId(), null), idempotencyKey, user.getName()).reset();
        if (!Htmx.isRequest(request)) {
            return "redirect:/identities/{id}";
        }
        model.addAttribute("state", ResetState.of(id, reset));
        model.addAttribute("nextAction", action.renewed());
        return "identities/reset :: submitted";
    }

    /**
     * An admin's decision on a reset that awaits approval (the automatic response's, when configured
     * so), through the same path as the API's approve and reject; answers the reset's state.
     */
    @PostMapping("/{id}/password-resets/{resetId}/{decision:approve|reject}")
    @AdminAccess
    String decide(@PathVariable("id") String id, @PathVariable("resetId") String resetId,
            @PathVariable("decision") String decision, @RequestParam(name = "comment", required = false) String comment,
            Principal user, HttpServletRequest request, Model model) {
        PasswordResetView decided = "approve".equals(decision) ? resets.approve(resetId, user.getName(), comment)
                : resets.reject(resetId, user.getName(), comment);
        if (!Htmx.isRequest(request)) {
            return "redirect:/identities/{id}";
        }
        model.addAttribute("state", ResetState.of(id, decided));
        return "identities/reset :: state";
    }

    /** The vault accounts that are this identity; none for an account the directory inventory lacks. */
    private List<VaultReference> vaultAccountsOf(IdentityView identity) {
        return identity.inDirectory() ? inventory.current().vaultAccountsOf(UUID.fromString(identity.id())) : List.of();
    }

    /** A reset's state, which htmx polls while it is not final. */
    @GetMapping("/{id}/password-resets/{resetId}")
    @ReaderAccess
    String resetState(@PathVariable("id") String id, @PathVariable("resetId") String resetId, Model model) {
        model.addAttribute("state", ResetState.of(id, resets.get(resetId)));
        return "identities/reset :: state";
    }
}
