package io.vigil.server.identities;

import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.IdentityTag;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The list's filters, all optional: {@code search} is a case-insensitive part of the name, SAM
 * account name, UPN or display name; the sets match any of their values; {@code managedBy} is one
 * vault's {@code MANAGED_BY_…} tag, required in addition to any of {@code tags}.
 */
public record IdentityQuery(String search, Set<IdentityTag> tags, String domain, Set<DirectoryObjectKind> kinds,
                            Boolean enabled, Set<String> risks, IdentityTag managedBy, Sort sort) {

    /** Sort orders: names A to Z, the rest worst or latest first; ties by name. */
    public enum Sort {
        LAST_SEEN(Comparator.comparing(IdentityView::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))),
        NAME(Comparator.comparing(v -> 0)),
        RISK(Comparator.comparing(v -> -RISKS.indexOf(v.risk()))),
        ALERT_COUNT(Comparator.comparing(IdentityView::alertCount, Comparator.reverseOrder()));

        private final Comparator<IdentityView> order;

        Sort(Comparator<IdentityView> first) {
            this.order = first.thenComparing(v -> v.name() == null ? "" : v.name().toLowerCase(Locale.ROOT))
                    .thenComparing(IdentityView::id);
        }

        Comparator<IdentityView> order() {
            return order;
        }
    }

    /** Risk levels, least first. */
    public static final List<String> RISKS = List.of("none", "informational", "low", "medium", "high");

    boolean matches(IdentityView v) {
        return matchesSearch(v)
                && (tags.isEmpty() || tags.stream().anyMatch(t -> v.tags().contains(t.name().toLowerCase(Locale.ROOT))))
                && (domain == null || domain.isBlank() || domain.equalsIgnoreCase(v.domain()))
                && (kinds.isEmpty() || kinds.stream().anyMatch(k -> k.name().toLowerCase(Locale.ROOT).equals(v.kind())))
                && (enabled == null || enabled.equals(v.enabled()))
                && (risks.isEmpty() || risks.contains(v.risk()))
                && (managedBy == null || v.tags().contains(managedBy.name().toLowerCase(Locale.ROOT)));
    }

    private boolean matchesSearch(IdentityView v) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String wanted = search.strip().toLowerCase(Locale.ROOT);
        return contains(v.key(), wanted) || contains(v.name(), wanted) || contains(v.samAccountName(), wanted)
                || contains(v.userPrincipalName(), wanted) || contains(v.displayName(), wanted);
    }

    private static boolean contains(String text, String wanted) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
    }
}
