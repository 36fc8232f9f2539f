package io.vigil.server.console.identities;

import io.vigil.model.directory.IdentityTag;
import io.vigil.server.api.ApiValues;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.identities.IdentityQuery;
import io.vigil.server.identities.IdentityService;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The identity list's filter form as the query string carries it; blank means any.
 *
 * @param search    part of the name, SAM account name, UPN or display name
 * @param tag       one tag, e.g. {@code sensitive}
 * @param risk      {@code none}, {@code low} … {@code high}: the worst severity among open alerts
 * @param managedBy a PAM vendor, e.g. {@code cyberark}
 * @param sort      {@code last_seen} (default), {@code name}, {@code risk} or {@code alert_count}
 */
public record IdentityFilters(String search, String tag, String domain, String risk, String managedBy, String sort) {

    IdentityQuery toQuery() {
        String level = blank(risk) ? null : risk.strip().toLowerCase(Locale.ROOT);
        if (level != null && !IdentityQuery.RISKS.contains(level)) {
            throw new InvalidRequestException("risk", "risk '" + risk + "' is not one of " + IdentityQuery.RISKS);
        }
        return new IdentityQuery(search, ApiValues.parseAll(IdentityTag.class, "tag", Stream.ofNullable(tag).toList()),
                blank(domain) ? null : domain, Set.of(), null, level == null ? Set.of() : Set.of(level),
                IdentityService.managedByTag(managedBy),
                ApiValues.parse(IdentityQuery.Sort.class, "sort", blank(sort) ? "last_seen" : sort));
    }

    /** The sort in effect, as the column headers compare it. */
    public String sortOrDefault() {
        return blank(sort) ? "last_seen" : sort;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
