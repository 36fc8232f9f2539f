package io.vigil.server.identities;

import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.IdentityTag;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.PageView;
import io.vigil.server.api.Paging;
import io.vigil.server.security.AdminAccess;
import io.vigil.server.security.ReaderAccess;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/identities}: the synced domains' users, computers, groups and gMSAs with their tags
 * (Defender for Identity's Assets &gt; Identities), plus accounts alerts name that the directory does
 * not hold; the activity Vigil has seen comes from the alerts. Admins mark accounts sensitive or honeytoken.
 */
@RestController
@RequestMapping("/api/v1/identities")
class IdentityController {

    private final IdentityService identities;

    IdentityController(IdentityService identities) {
        this.identities = identities;
    }

    /**
     * Filters combine; repeat a filter (or separate values by commas) to accept any of its values.
     * {@code search} (or the older {@code name}) matches part of the name, SAM account name, UPN or
     * display name; {@code risk} is the worst severity among open alerts ({@code none} without any);
     * {@code managedBy} ({@code cyberark}, {@code beyondtrust}, {@code delinea}) keeps the accounts that
     * vault manages; {@code sort} is {@code last_seen} (default), {@code name}, {@code risk} or
     * {@code alert_count}.
     */
    @GetMapping
    @ReaderAccess
    PageView<IdentityView> list(@RequestParam(name = "offset", defaultValue = Paging.DEFAULT_OFFSET) int offset,
                                @RequestParam(name = "limit", defaultValue = Paging.DEFAULT_LIMIT) int limit,
                                @RequestParam(name = "search", required = false) String search,
                                @RequestParam(name = "name", required = false) String name,
                                @RequestParam(name = "tag", required = false) List<String> tags,
                                @RequestParam(name = "domain", required = false) String domain,
                                @RequestParam(name = "kind", required = false) List<String> kinds,
                                @RequestParam(name = "enabled", required = false) Boolean enabled,
                                @RequestParam(name = "risk", required = false) List<String> risks,
                                @RequestParam(name = "managedBy", required = false) String managedBy,
                                @RequestParam(name = "sort", defaultValue = "last_seen") String sort) {
        var page = Paging.of(offset, limit);
        IdentityQuery query = new IdentityQuery(search != null ? search : name,
                ApiValues.parseAll(IdentityTag.class, "tag", split(tags)), domain,
                ApiValues.parseAll(DirectoryObjectKind.class, "kind", split(kinds)), enabled, risks(risks),
                IdentityService.managedByTag(managedBy), ApiValues.parse(IdentityQuery.Sort.class, "sort", sort));
        return PageView.of(identities.pageCounted(query, page));
    }

    /** Profile, tags, marks, direct and nested groups, alerts and recent activity. */
    @GetMapping("/{id}")
    @ReaderAccess
    IdentityDetailView get(@PathVariable("id") String id) {
        return identities.detail(id);
    }

    /** Marks the identity {@code sensitive} or {@code honeytoken} (by its SID); audited. */
    @PutMapping("/{id}/marks/{mark}")
    @AdminAccess
    IdentityDetailView mark(@PathVariable("id") String id, @PathVariable("mark") String mark, Principal user) {
        return identities.mark(id, mark, true, user.getName());
    }

    @DeleteMapping("/{id}/marks/{mark}")
    @AdminAccess
    IdentityDetailView unmark(@PathVariable("id") String id, @PathVariable("mark") String mark, Principal user) {
        return identities.mark(id, mark, false, user.getName());
    }

    private static List<String> split(List<String> values) {
        return values == null ? List.of() : values.stream().flatMap(v -> List.of(v.split(",")).stream()).toList();
    }

    private static Set<String> risks(List<String> values) {
        Set<String> risks = split(values).stream().map(v -> v.strip().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty()).collect(Collectors.toSet());
        risks.stream().filter(r -> !IdentityService.riskLevels().contains(r)).findFirst().ifPresent(r -> {
            throw new InvalidRequestException("risk", "risk '" + r + "' is not one of " + IdentityQuery.RISKS);
        });
        return risks;
    }
}
