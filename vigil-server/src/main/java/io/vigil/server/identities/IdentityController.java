package io.vigil.server.identities;

import io.vigil.server.api.PageView;
import io.vigil.server.api.Paging;
import io.vigil.server.security.ReaderAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/identities}: the accounts Vigil has seen in alerts so far, with how often and how
 * badly. Directory sync will replace this source with the domain's full inventory.
 */
@RestController
@RequestMapping("/api/v1/identities")
class IdentityController {

    private final IdentityService identities;

    IdentityController(IdentityService identities) {
        this.identities = identities;
    }

    /** Most recently seen first; {@code name} is part of {@code domain\name}, any case. */
    @GetMapping
    @ReaderAccess
    PageView<IdentityView> list(@RequestParam(name = "offset", defaultValue = Paging.DEFAULT_OFFSET) int offset,
                                @RequestParam(name = "limit", defaultValue = Paging.DEFAULT_LIMIT) int limit,
                                @RequestParam(name = "name", required = false) String name) {
        var page = Paging.of(offset, limit);
        return PageView.slice(identities.find(name), page);
    }
}
