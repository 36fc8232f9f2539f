package io.vigil.server.console.settings.audit;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.Paging;
import io.vigil.server.audit.AuditEntryView;
import io.vigil.server.audit.AuditLogSearch;
import io.vigil.server.console.internal.ListPage;
import io.vigil.server.console.internal.QueryLinks;
import io.vigil.server.console.settings.internal.Refusal;
import io.vigil.server.security.AdminAccess;
import io.vigil.store.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /settings/audit}: the append-only audit log, newest first, paged in the database and filtered by
 * actor, action, target, outcome and time, for the roles the audit API serves (security admins and up).
 */
@Controller
class AuditLogPageController {

    static final int PAGE_SIZE = 50;

    private final AuditLogSearch search;

    AuditLogPageController(AuditLogSearch search) {
        this.search = search;
    }

    @GetMapping("/settings/audit")
    @AdminAccess
    ModelAndView auditLog(@RequestParam(name = "offset", defaultValue = "0") int offset,
                          @RequestParam(name = "actor", required = false) String actor,
                          @RequestParam(name = "action", required = false) String action,
                          @RequestParam(name = "target", required = false) String target,
                          @RequestParam(name = "outcome", required = false) String outcome,
                          @RequestParam(name = "from", required = false) String from,
                          @RequestParam(name = "to", required = false) String to,
                          HttpServletRequest request) {
        AuditFilterForm filters = new AuditFilterForm(actor, action, target, outcome, from, to);
        ModelAndView page = new ModelAndView("settings/audit").addObject("filters", filters)
                .addObject("outcomes", Arrays.stream(AuditOutcome.values()).map(ApiValues::name).toList());
        Page<AuditEntryView> entries;
        try {
            entries = search.find(filters.query(), Paging.of(offset, PAGE_SIZE));
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e);
            page.setStatus(refusal.status());
            page.addObject("refusal", refusal.message());
            entries = new Page<>(List.of(), 0, 0, PAGE_SIZE);
        }
        return page.addObject("entries", ListPage.of(entries, QueryLinks.of(request)));
    }
}
