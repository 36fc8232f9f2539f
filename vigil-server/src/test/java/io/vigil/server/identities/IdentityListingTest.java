package io.vigil.server.identities;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.IdentityTag;
import io.vigil.server.identities.IdentityQuery.Sort;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The identity list's pre-sorted listing: orders, ties, filters, pages, and the same answers as sorting everything each time. */
class IdentityListingTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static IdentityView view(String id, String name, String risk, long alerts, Instant lastSeen) {
        return new IdentityView(id, "account:contoso\\" + name.toLowerCase(Locale.ROOT), name, "contoso.local",
                null, true, "user", name, null, null, true, List.of(), risk, alerts, lastSeen, null);
    }

    private static IdentityQuery sortedBy(Sort sort) {
        return new IdentityQuery(null, Set.of(), null, Set.of(), null, Set.of(), null, sort);
    }

    private static List<String> ids(Page<IdentityView> page) {
        return page.items().stream().map(IdentityView::id).toList();
    }

    private static List<String> names(Page<IdentityView> page) {
        return page.items().stream().map(IdentityView::name).toList();
    }

    private final IdentityListing listing = IdentityListing.of(List.of(
            view("1", "carol", "low", 3, T0.plusSeconds(30)),
            view("2", "Bob", "high", 1, T0.plusSeconds(10)),
            view("3", "alice", "none", 0, null),
            view("4", "bob", "high", 1, T0.plusSeconds(10)),
            view("0", "Alice", "medium", 3, T0.plusSeconds(20))));

    @Test
    void eachOrderPutsTheWorstOrLatestFirstAndBreaksTiesByNameIgnoringCaseThenById() {
        PageRequest all = PageRequest.first(10);
        assertThat(ids(listing.page(sortedBy(Sort.NAME), all))).containsExactly("0", "3", "2", "4", "1");
        assertThat(ids(listing.page(sortedBy(Sort.LAST_SEEN), all))).as("never seen last")
                .containsExactly("1", "0", "2", "4", "3");
        assertThat(ids(listing.page(sortedBy(Sort.RISK), all))).containsExactly("2", "4", "0", "1", "3");
        assertThat(ids(listing.page(sortedBy(Sort.ALERT_COUNT), all))).containsExactly("0", "1", "2", "4", "3");
    }

    @Test
    void anOrderIsSortedOnceAndKept() {
        assertThat(listing.order(Sort.RISK)).isSameAs(listing.order(Sort.RISK));
    }

    @Test
    void aPageIsASliceOfTheOrderAndTheTotalCountsEveryMatch() {
        Page<IdentityView> second = listing.page(sortedBy(Sort.NAME), PageRequest.of(2, 2));
        assertThat(ids(second)).containsExactly("2", "4");
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.hasNext()).isTrue();

        IdentityQuery bobs = new IdentityQuery("BO", Set.of(), null, Set.of(), null, Set.of(), null, Sort.NAME);
        Page<IdentityView> secondBob = listing.page(bobs, PageRequest.of(1, 1));
        assertThat(ids(secondBob)).containsExactly("4");
        assertThat(secondBob.total()).isEqualTo(2);
        assertThat(secondBob.hasNext()).isFalse();

        Page<IdentityView> beyond = listing.page(bobs, PageRequest.of(10, 5));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(2);
        assertThat(listing.page(sortedBy(Sort.NAME), PageRequest.of(10, 5)).items()).isEmpty();
    }

    @Test
    void theFiltersCombineAndTheSearchLooksInEveryNameIgnoringCase() {
        IdentityListing directory = IdentityListing.of(List.of(
                new IdentityView("g1", "account:contoso\\svc_sql", "svc_sql", "contoso.local", "S-1-5-21-1-1", true,
                        "user", "svc_sql", "sql@Contoso.local", "SQL Service", true,
                        List.of("kerberoastable", "managed_by_cyberark", "service_account"), "high", 4, T0, "high"),
                new IdentityView("g2", "account:contoso\\dc01$", "dc01$", "contoso.local", "S-1-5-21-1-2", true,
                        "computer", "dc01$", null, null, true, List.of("domain_controller", "sensitive"), "none", 0,
                        null, null),
                new IdentityView("g3", "account:fabrikam\\old", "old", "fabrikam.local", "S-1-5-21-2-3", true, "user",
                        "old", null, "Former Employee", false, List.of(), "low", 1, T0, "low"),
                new IdentityView("seen-x", "account:lab\\ghost", "ghost", "lab", null, false, null, null, null, null,
                        null, List.of(), "medium", 2, T0, "medium")));
        assertThat(names(directory.page(query("contoso.LOCAL", Set.of(), null, Set.of(), null, Set.of(), null),
                PageRequest.first(10)))).as("search: the UPN").containsExactly("svc_sql");
        assertThat(names(directory.page(query("employee", Set.of(), null, Set.of(), null, Set.of(), null),
                PageRequest.first(10)))).as("search: the display name").containsExactly("old");
        assertThat(names(directory.page(query("LAB\\", Set.of(), null, Set.of(), null, Set.of(), null),
                PageRequest.first(10)))).as("search: the entity key").containsExactly("ghost");
        assertThat(names(directory.page(query(null, Set.of(IdentityTag.SENSITIVE, IdentityTag.KERBEROASTABLE), null,
                Set.of(), null, Set.of(), null), PageRequest.first(10)))).as("any of the tags")
                .containsExactly("dc01$", "svc_sql");
        assertThat(names(directory.page(query(null, Set.of(), "FABRIKAM.local", Set.of(), null, Set.of(), null),
                PageRequest.first(10)))).containsExactly("old");
        assertThat(names(directory.page(query(null, Set.of(), null, Set.of(DirectoryObjectKind.COMPUTER), null,
                Set.of(), null), PageRequest.first(10)))).containsExactly("dc01$");
        assertThat(names(directory.page(query(null, Set.of(), null, Set.of(), false, Set.of(), null),
                PageRequest.first(10)))).containsExactly("old");
        assertThat(names(directory.page(query(null, Set.of(), null, Set.of(), null, Set.of("none", "medium"), null),
                PageRequest.first(10)))).containsExactly("dc01$", "ghost");
        assertThat(names(directory.page(query(null, Set.of(IdentityTag.SENSITIVE), null, Set.of(), null, Set.of(),
                IdentityTag.MANAGED_BY_CYBERARK), PageRequest.first(10)))).as("managed by, on top of the tags").isEmpty();
        assertThat(names(directory.page(query("s", Set.of(), "contoso.local", Set.of(DirectoryObjectKind.USER), true,
                Set.of("high"), IdentityTag.MANAGED_BY_CYBERARK), PageRequest.first(10)))).containsExactly("svc_sql");
    }

    private static IdentityQuery query(String search, Set<IdentityTag> tags, String domain,
            Set<DirectoryObjectKind> kinds, Boolean enabled, Set<String> risks, IdentityTag managedBy) {
        return new IdentityQuery(search, tags, domain, kinds, enabled, risks, managedBy, Sort.NAME);
    }

    /** Against the list as it was answered before the listing: every view filtered, sorted and sliced per request. */
    @Test
    void answersAsFilteringAndSortingTheWholeListEachTimeDid() {
        Random random = new Random(8);
        List<String> tagNames = List.of("sensitive", "honeytoken", "kerberoastable", "managed_by_cyberark");
        List<IdentityView> views = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String name = (random.nextBoolean() ? "User" : "user") + random.nextInt(400);
            List<String> tags = tagNames.stream().filter(t -> random.nextInt(4) == 0).sorted().toList();
            boolean seen = random.nextInt(3) > 0;
            views.add(new IdentityView(String.format("%08x", random.nextInt()), "account:corp\\" + name.toLowerCase(Locale.ROOT),
                    name, random.nextBoolean() ? "corp.example" : "lab.example", null, true,
                    random.nextBoolean() ? "user" : "computer", name, random.nextInt(5) == 0 ? null : name + "@corp.example",
                    random.nextInt(3) == 0 ? null : "Display " + random.nextInt(50), random.nextBoolean(), tags,
                    IdentityQuery.RISKS.get(random.nextInt(IdentityQuery.RISKS.size())), seen ? random.nextInt(6) : 0,
                    seen ? T0.plusSeconds(random.nextInt(20)) : null, null));
        }
        IdentityListing many = IdentityListing.of(views);
        for (int q = 0; q < 300; q++) {
            IdentityQuery query = new IdentityQuery(
                    random.nextInt(3) == 0 ? List.of("USER1", "er2", "display 4", "@CORP", " user3 ").get(random.nextInt(5)) : null,
                    random.nextInt(4) == 0 ? Set.of(IdentityTag.SENSITIVE, IdentityTag.HONEYTOKEN) : Set.of(),
                    random.nextInt(4) == 0 ? "LAB.example" : null,
                    random.nextInt(5) == 0 ? Set.of(DirectoryObjectKind.COMPUTER) : Set.of(),
                    random.nextInt(5) == 0 ? Boolean.TRUE : null,
                    random.nextInt(4) == 0 ? Set.of("high", "low") : Set.of(),
                    random.nextInt(6) == 0 ? IdentityTag.MANAGED_BY_CYBERARK : null,
                    Sort.values()[random.nextInt(Sort.values().length)]);
            PageRequest page = PageRequest.of(random.nextInt(4) == 0 ? random.nextInt(3_000) : random.nextInt(60),
                    1 + random.nextInt(80));
            Page<IdentityView> expected = wholeList(views, query, page);
            Page<IdentityView> answered = many.page(query, page);
            assertThat(answered.total()).as(query + " " + page).isEqualTo(expected.total());
            assertThat(answered.items()).as(query + " " + page).containsExactlyElementsOf(expected.items());
        }
    }

    private static Page<IdentityView> wholeList(List<IdentityView> views, IdentityQuery query, PageRequest page) {
        Comparator<IdentityView> order = query.sort().first()
                .thenComparing(v -> v.name() == null ? "" : v.name().toLowerCase(Locale.ROOT))
                .thenComparing(IdentityView::id);
        List<IdentityView> matching = views.stream().filter(matches(query)).sorted(order).toList();
        int from = Math.min(page.offset(), matching.size());
        return new Page<>(matching.subList(from, Math.min(matching.size(), from + page.limit())), matching.size(),
                page.offset(), page.limit());
    }

    private static Predicate<IdentityView> matches(IdentityQuery q) {
        return v -> matchesSearch(q.search(), v)
                && (q.tags().isEmpty() || q.tags().stream().anyMatch(t -> v.tags().contains(t.name().toLowerCase(Locale.ROOT))))
                && (q.domain() == null || q.domain().isBlank() || q.domain().equalsIgnoreCase(v.domain()))
                && (q.kinds().isEmpty() || q.kinds().stream().anyMatch(k -> k.name().toLowerCase(Locale.ROOT).equals(v.kind())))
                && (q.enabled() == null || q.enabled().equals(v.enabled()))
                && (q.risks().isEmpty() || q.risks().contains(v.risk()))
                && (q.managedBy() == null || v.tags().contains(q.managedBy().name().toLowerCase(Locale.ROOT)));
    }

    private static boolean matchesSearch(String search, IdentityView v) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String wanted = search.strip().toLowerCase(Locale.ROOT);
        return List.of(v.key(), v.name(), v.samAccountName() == null ? "" : v.samAccountName(),
                        v.userPrincipalName() == null ? "" : v.userPrincipalName(), v.displayName() == null ? "" : v.displayName())
                .stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(wanted));
    }
}
