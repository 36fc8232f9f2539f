package io.vigil.server.identities;

import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.IdentityTag;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The list's filters, all optional: {@code search} is a case-insensitive part of the name, SAM
 * account name, UPN or display name; the sets match any of their values; {@code managedBy} is one
 * vault's {@code MANAGED_BY_…} tag, required in addition to any of {@code tags}.
 */
public record IdentityQuery(String search, Set<IdentityTag> tags, String domain, Set<DirectoryObjectKind> kinds,
                            Boolean enabled, Set<String> risks, IdentityTag managedBy, Sort sort) {

    /** Sort orders: names A to Z, the rest worst or latest first; ties by name (case-insensitive), then id. */
    public enum Sort {
        LAST_SEEN(Comparator.comparing(IdentityView::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))),
        NAME(Comparator.comparing(v -> 0)),
        RISK(Comparator.comparing(v -> -RISKS.indexOf(v.risk()))),
        ALERT_COUNT(Comparator.comparing(IdentityView::alertCount, Comparator.reverseOrder()));

        private final Comparator<IdentityView> first;

        Sort(Comparator<IdentityView> first) {
            this.first = first;
        }

        /** What the order compares before the tie-breaks. */
        Comparator<IdentityView> first() {
            return first;
        }
    }

    /** Risk levels, least first. */
    public static final List<String> RISKS = List.of("none", "informational", "low", "medium", "high");

    /** Whether no filter is set: every identity is listed. */
    boolean keepsAll() {
        return blank(search) && tags.isEmpty() && blank(domain) && kinds.isEmpty() && enabled == null && risks.isEmpty()
                && managedBy == null;
    }

    /** The filters as one test of a listed identity, their values folded to lower case once for all identities. */
    Predicate<IdentityListing.Row> filter() {
        String wanted = blank(search) ? null : search.strip().toLowerCase(Locale.ROOT);
        List<String> anyTag = tags.stream().map(IdentityQuery::apiName).toList();
        Set<String> anyKind = kinds.stream().map(IdentityQuery::apiName).collect(Collectors.toSet());
        String managed = managedBy == null ? null : apiName(managedBy);
        return row -> {
            IdentityView v = row.view();
            return (wanted == null || row.contains(wanted))
                    && (anyTag.isEmpty() || anyTag.stream().anyMatch(v.tags()::contains))
                    && (blank(domain) || domain.equalsIgnoreCase(v.domain()))
                    && (anyKind.isEmpty() || v.kind() != null && anyKind.contains(v.kind()))
                    && (enabled == null || enabled.equals(v.enabled()))
                    && (risks.isEmpty() || risks.contains(v.risk()))
                    && (managed == null || v.tags().contains(managed));
        };
    }

    private static String apiName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
