package io.vigil.integrations.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import io.vigil.integrations.ldap.internal.BinaryGuid;
import io.vigil.integrations.ldap.internal.EntryDecoder;
import io.vigil.integrations.ldap.internal.LdapConnector;
import io.vigil.integrations.ldap.internal.LdapErrors;
import io.vigil.integrations.ldap.internal.MalformedAttributeException;
import io.vigil.integrations.ldap.internal.MembershipGraph;
import io.vigil.integrations.ldap.internal.PagedSearch;
import io.vigil.integrations.ldap.internal.RangedValues;
import io.vigil.integrations.ldap.internal.RootDse;
import io.vigil.integrations.ldap.internal.SnapshotDiff;
import io.vigil.integrations.ldap.internal.SnapshotMerge;
import io.vigil.integrations.ldap.internal.SyncFailure;
import io.vigil.model.directory.DirectoryDelta;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.SyncErrorKind;
import io.vigil.model.directory.SyncMode;
import io.vigil.model.directory.SyncOutcome;
import io.vigil.model.directory.SyncResult;
import io.vigil.model.directory.SyncState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads users, computers, groups and gMSAs of one AD domain over LDAP(S) with the UnboundID SDK.
 *
 * <p><b>Full sync</b>: root DSE first ({@code highestCommittedUSN} becomes the next cursor, read
 * before the search so a change made during it is read again next time rather than missed), then a
 * paged subtree search for {@code (|(objectClass=user)(objectClass=group))}, with ranged
 * attributes (large groups' {@code member}) completed entry by entry.
 *
 * <p><b>Incremental sync</b>: the same search restricted to {@code uSNChanged>=cursor+1}, plus a
 * GUID/DN listing of everything in scope to catch deletions, moves and renames (see
 * {@link SnapshotMerge}); the result is the delta and the merged, complete snapshot. USNs belong to
 * one DC: when another DC answers ({@code dsServiceName} differs) or the cursor is above the DC's
 * highest USN (a restore), it runs a full sync and says so in the outcome's notes.
 *
 * <p><b>Failures</b>: every failure — host unreachable, TLS, bind refused (with AD's sub-code),
 * referral for the base DN, server or Vigil limits, an undecodable value — ends the sync with a
 * FAILED outcome naming the server, entry and attribute as far as known, and no inventory. Vigil
 * never presents a partial inventory as complete. A malformed value fails the whole sync rather than
 * dropping the entry: the strictly decoded attributes are written by AD, not by users, so a bad one
 * says the server cannot be trusted, and a silently dropped entry could hide a privileged account
 * (see {@link EntryDecoder}). Continuation references to other partitions (DNS zones,
 * configuration, child domains) are not followed: they are listed in the notes, and each domain is
 * configured as a source of its own.
 */
public final class LdapDirectorySource implements DirectorySource {

    private static final Filter IDENTITIES = Filter.createORFilter(
            Filter.createEqualityFilter("objectClass", "user"),
            Filter.createEqualityFilter("objectClass", "group"));
    private static final int MAX_NOTED_REFERENCES = 20;

    private final LdapConnectionConfig config;
    private final LdapConnector connector;
    private final Clock clock;

    public LdapDirectorySource(LdapConnectionConfig config) {
        this(config, Clock.systemUTC());
    }

    public LdapDirectorySource(LdapConnectionConfig config, Clock clock) {
        this.config = config;
        this.connector = new LdapConnector(config);
        this.clock = clock;
    }

    @Override
    public String domain() {
        return config.domain();
    }

    @Override
    public ConnectionCheck check() {
        String server = hostsTried();
        try (LdapConnector.Bound bound = connector.connect()) {
            server = bound.server();
            RootDse root = RootDse.read(bound.connection(), server);
            if (bound.connection().getEntry(config.baseDn(), "1.1") == null) {
                return ConnectionCheck.failed(server, SyncErrorKind.LDAP_ERROR,
                        "the base DN " + config.baseDn() + " does not exist on " + server);
            }
            return ConnectionCheck.passed(root.server(), root.highestCommittedUsn());
        } catch (LDAPException e) {
            SyncFailure failure = LdapErrors.of(e, server);
            return ConnectionCheck.failed(server, failure.kind(), failure.getMessage());
        } catch (SyncFailure e) {
            return ConnectionCheck.failed(server, e.kind(), e.getMessage());
        }
    }

    @Override
    public SyncResult fullSync() {
        return run(null);
    }

    @Override
    public SyncResult incrementalSync(DirectorySnapshot previous) {
        if (!previous.domain().equals(config.domain())) {
            throw new IllegalArgumentException("snapshot of " + previous.domain() + " given to the source of "
                    + config.domain());
        }
        return run(previous);
    }

    private SyncResult run(DirectorySnapshot previous) {
        Instant started = clock.instant();
        SyncMode mode = previous == null ? SyncMode.FULL : SyncMode.INCREMENTAL;
        String server = hostsTried();
        try (LdapConnector.Bound bound = connector.connect()) {
            server = bound.server();
            RootDse root = RootDse.read(bound.connection(), server);
            List<String> notes = new ArrayList<>();
            if (previous != null) {
                String reason = fullSyncNeeded(previous, root);
                if (reason != null) {
                    notes.add(reason);
                    mode = SyncMode.FULL;
                }
            }
            Read read = mode == SyncMode.FULL
                    ? readIdentities(bound, IDENTITIES)
                    : readChanges(bound, previous);
            noteReferences(read.references(), notes);
            DirectorySnapshot snapshot = new DirectorySnapshot(config.domain(), root.server(),
                    root.highestCommittedUsn(), clock.instant(),
                    new MembershipGraph(read.identities()).withMemberOf(read.identities()));
            DirectoryDelta delta = previous == null ? null : SnapshotDiff.between(previous, snapshot);
            SyncOutcome outcome = new SyncOutcome(config.domain(), mode, SyncState.SUCCEEDED, root.server(),
                    started, clock.instant(), snapshot.identities().size(),
                    delta == null ? snapshot.identities().size() : delta.changed().size(),
                    delta == null ? 0 : delta.removed().size(),
                    snapshot.highestUsn(), null, null, notes);
            return new SyncResult(outcome, snapshot, delta);
        } catch (LDAPException e) {
            return failed(mode, started, server, LdapErrors.of(e, server));
        } catch (SyncFailure e) {
            return failed(mode, started, server, e);
        }
    }

    private String hostsTried() {
        return String.join(",", config.hosts()) + ":" + config.port();
    }

    private record Read(List<DirectoryIdentity> identities, Set<String> references) {
    }

    private static String fullSyncNeeded(DirectorySnapshot previous, RootDse root) {
        if (!previous.server().equals(root.server())) {
            return "full sync instead of incremental: USNs are per DC and " + root.server()
                    + " answered, not " + previous.server();
        }
        if (root.highestCommittedUsn() < previous.highestUsn()) {
            return "full sync instead of incremental: the DC's highest USN " + root.highestCommittedUsn()
                    + " is below the cursor " + previous.highestUsn() + " (restored from backup?)";
        }
        return null;
    }

    private Read readChanges(LdapConnector.Bound bound, DirectorySnapshot previous)
            throws LDAPException {
        Filter changedSince = Filter.createANDFilter(IDENTITIES,
                Filter.createGreaterOrEqualFilter("uSNChanged", Long.toString(previous.highestUsn() + 1)));
        Read changed = readIdentities(bound, changedSince);
        Map<UUID, String> present = new HashMap<>();
        Set<String> references = search(bound).run(config.baseDn(), IDENTITIES, new String[] {"objectGUID"},
                entry -> {
                    byte[] guid = entry.getAttributeValueBytes("objectGUID");
                    if (guid == null) {
                        throw new MalformedAttributeException(entry.getDN(), "objectGUID", "missing");
                    }
                    try {
                        present.put(BinaryGuid.decode(guid), entry.getDN());
                    } catch (IllegalArgumentException e) {
                        throw new MalformedAttributeException(entry.getDN(), "objectGUID", e.getMessage());
                    }
                });
        references.addAll(changed.references());
        return new Read(SnapshotMerge.merge(previous, changed.identities(), present), references);
    }

    private Read readIdentities(LdapConnector.Bound bound, Filter filter) throws LDAPException {
        EntryDecoder decoder = new EntryDecoder(config.domain());
        RangedValues ranges = new RangedValues(bound.connection(), bound.server(),
                config.limits().maxValuesPerAttribute());
        List<DirectoryIdentity> identities = new ArrayList<>();
        Set<String> references = search(bound).run(config.baseDn(), filter, EntryDecoder.ATTRIBUTES,
                entry -> identities.add(decoder.decode(ranges.complete(entry))));
        return new Read(identities, references);
    }

    private PagedSearch search(LdapConnector.Bound bound) {
        return new PagedSearch(bound.connection(), bound.server(), config.pageSize(), config.limits());
    }

    private static void noteReferences(Set<String> references, List<String> notes) {
        if (references.isEmpty()) {
            return;
        }
        List<String> shown = references.stream().limit(MAX_NOTED_REFERENCES).toList();
        notes.add("continuation references not followed (other partitions or domains; configure a domain "
                + "as its own source to read it): " + String.join(", ", shown)
                + (references.size() > shown.size() ? " and " + (references.size() - shown.size()) + " more" : ""));
    }

    private SyncResult failed(SyncMode mode, Instant started, String server, SyncFailure failure) {
        return SyncResult.failed(new SyncOutcome(config.domain(), mode, SyncState.FAILED, server, started,
                clock.instant(), 0, 0, 0, -1, failure.kind(), failure.getMessage(), List.of()));
    }
}
