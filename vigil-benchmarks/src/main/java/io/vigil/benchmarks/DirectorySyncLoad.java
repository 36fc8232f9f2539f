package io.vigil.benchmarks;

import com.unboundid.ldap.sdk.Entry;
import io.vigil.integrations.ldap.IdentityTagger;
import io.vigil.integrations.ldap.LdapDirectorySource;
import io.vigil.integrations.ldap.TagAssignments;
import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.SyncResult;
import io.vigil.model.directory.TaggedIdentity;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Full directory sync of a large domain from UnboundID's in-memory server with the project's AD
 * behaviour (USNs, root DSE, {@code member} in ranges of 1,500), in one JVM.
 *
 * <p>Loads the AD-shaped test domain plus {@code users} users and {@code groups} groups: every group
 * has 15 members spread over the users, every 100th group also holds the group before it (nesting),
 * and one group holds 10,000 users (range retrieval). Then runs one warm-up full sync and
 * {@code runs} measured ones, each followed by the tagger over the result, and prints per run the
 * sync and tagging times and the heap: retained by the snapshot (after GC, minus the heap before),
 * and the peak of the heap pools during the sync (an upper bound that includes the server's garbage).
 *
 * <pre>
 * java -Xmx6g -cp … io.vigil.benchmarks.DirectorySyncLoad [users, default 100000] [groups, default 20000] [runs, default 3]
 * </pre>
 */
public final class DirectorySyncLoad {

    private static final long FIRST_USER_RID = 200_000;
    private static final long FIRST_GROUP_RID = 400_000;
    private static final int MEMBERS_PER_GROUP = 15;
    private static final int HUGE_GROUP = 10_000;

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int groups = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (AdLikeDirectory directory = AdLikeDirectory.start()) {
            long loadStart = System.nanoTime();
            load(directory, users, groups);
            System.out.printf("loaded %,d users and %,d groups into the in-memory server in %.1f s%n", users, groups,
                    (System.nanoTime() - loadStart) / 1e9);
            LdapDirectorySource source = new LdapDirectorySource(directory.config().pageSize(1000).build());
            for (int run = 0; run <= runs; run++) {
                measure(source, run == 0 ? "warm-up" : "run " + run);
            }
        }
    }

    private static void load(AdLikeDirectory directory, int users, int groups) throws Exception {
        List<String> userDns = new ArrayList<>(users);
        List<Entry> batch = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Entry user = AdLikeDirectory.user(String.format("load%06d", i), "OU=Staff", FIRST_USER_RID + i, 512);
            userDns.add(user.getDN());
            batch.add(user);
            if (batch.size() == 10_000) {
                directory.importEntries(batch);
                batch.clear();
            }
        }
        String previousGroup = null;
        for (int g = 0; g < groups; g++) {
            List<String> members = new ArrayList<>();
            int count = g == 0 ? Math.min(HUGE_GROUP, users) : MEMBERS_PER_GROUP;
            for (int k = 0; k < count; k++) {
                members.add(userDns.get((int) (((long) g * MEMBERS_PER_GROUP + k) % users)));
            }
            if (g % 100 == 0 && previousGroup != null) {
                members.add(previousGroup);
            }
            Entry group = AdLikeDirectory.group(String.format("grp%05d", g), "OU=Staff", FIRST_GROUP_RID + g, members);
            previousGroup = group.getDN();
            batch.add(group);
            if (batch.size() == 10_000) {
                directory.importEntries(batch);
                batch.clear();
            }
        }
        directory.importEntries(batch);
    }

    private static void measure(LdapDirectorySource source, String label) {
        long before = usedAfterGc();
        resetPeaks();
        long start = System.nanoTime();
        SyncResult result = source.fullSync();
        long syncNanos = System.nanoTime() - start;
        long peak = heapPeak();
        if (!result.outcome().succeeded()) {
            throw new IllegalStateException(result.outcome().errorKind() + ": " + result.outcome().error());
        }
        DirectorySnapshot snapshot = result.snapshot();
        start = System.nanoTime();
        List<TaggedIdentity> tagged = new IdentityTagger().tag(List.of(snapshot), TagAssignments.none());
        long tagNanos = System.nanoTime() - start;
        long retained = usedAfterGc() - before;
        System.out.printf("%s: %,d identities, full sync %.1f s, tagging %.2f s, snapshot + tags retained %,d MB,"
                        + " heap peak during sync %,d MB%n", label, tagged.size(), syncNanos / 1e9, tagNanos / 1e9,
                retained >> 20, peak >> 20);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
