package io.vigil.server.audit;

import io.vigil.server.api.PageView;
import io.vigil.server.api.Paging;
import io.vigil.server.security.AdminAccess;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the append-only audit log, newest first, for admins. Reading only. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditLogController {

    private final AuditLogSearch search;

    AuditLogController(AuditLogSearch search) {
        this.search = search;
    }

    /** {@code actor}, {@code action} and {@code target} are exact; {@code from} is inclusive, {@code to} exclusive. */
    @GetMapping
    @AdminAccess
    PageView<AuditEntryView> list(@RequestParam(name = "offset", defaultValue = Paging.DEFAULT_OFFSET) int offset,
                                  @RequestParam(name = "limit", defaultValue = Paging.DEFAULT_LIMIT) int limit,
                                  @RequestParam(name = "actor", required = false) String actor,
                                  @RequestParam(name = "action", required = false) String action,
                                  @RequestParam(name = "target", required = false) String target,
                                  @RequestParam(name = "outcome", required = false) String outcome,
                                  @RequestParam(name = "from", required = false) Instant from,
                                  @RequestParam(name = "to", required = false) Instant to) {
        var page = Paging.of(offset, limit);
        return PageView.of(search.find(new AuditQuery(actor, action, target, outcome, from, to), page));
    }
}
