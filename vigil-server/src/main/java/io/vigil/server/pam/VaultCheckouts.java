package io.vigil.server.pam;

import io.vigil.detection.spi.VaultActivity;
import io.vigil.server.directory.VaultReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The checkouts of managed accounts as vaults audit them, read per identity only when a detector
 * needs them. Reading every managed account's audit trail on a schedule would cost one call per account
 * per vault each time; instead a sign-in the sessions do not explain asks ({@link #want}), its identity
 * waits here, de-duplicated with its spans merged, until {@link CheckoutLookups} reads the audit trails of
 * the vault accounts behind it and {@link #publish}es what it found, per connection and identity, with
 * the span of sign-in times that reading answers for.
 *
 * <p>A connection answers for checkouts only where its vendor has an account audit API and the vault
 * has not said it lacks one ({@link #unsupported}); elsewhere its sessions alone answer. Everything is
 * held in memory: after a restart the look-ups are simply made again, when the replayed sign-ins ask.
 */
@Component
class VaultCheckouts {

    /** Identities waiting for a look-up; a sign-in asking beyond this waits for a later ask. */
    static final int MAX_WAITING = 10_000;
    /** Readings kept, one per connection and identity; the least recently read go first. */
    static final int MAX_READINGS = 50_000;

    /** The sign-in times a look-up must answer for. */
    record Span(Instant from, Instant to) {

        Span union(Span other) {
            return new Span(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
        }
    }

    /**
     * One look-up's answer for one identity on one connection: the checkouts (and launches) it found,
     * complete for sign-ins in {@code [from, until]}.
     */
    record Reading(Instant from, Instant until, List<VaultActivity> activity) {

        boolean answers(Instant signInsFrom, Instant signInsTo) {
            return !from.isAfter(signInsFrom) && !until.isBefore(signInsTo);
        }

        /** Overlapping or touching readings become one; otherwise the later one replaces the earlier. */
        Reading mergedWith(Reading newer) {
            if (newer.from.isAfter(until) || from.isAfter(newer.until)) {
                return newer.until.isAfter(until) ? newer : this;
            }
            Map<String, VaultActivity> byId = new LinkedHashMap<>();
            activity.forEach(a -> byId.put(a.id(), a));
            newer.activity.forEach(a -> byId.put(a.id(), a));
            return new Reading(from.isBefore(newer.from) ? from : newer.from,
                    until.isAfter(newer.until) ? until : newer.until, List.copyOf(byId.values()));
        }
    }

    private record Key(String connectionId, UUID identity) {
    }

    private final Map<UUID, Span> waiting = new ConcurrentHashMap<>();
    private final Map<Key, Reading> readings = new ConcurrentHashMap<>();
    private final Set<String> unsupported = ConcurrentHashMap.newKeySet();
    private final AtomicLong notQueued = new AtomicLong();

    /** Whether this vault account's checkouts are known for sign-ins in {@code [from, to]}, or need not be. */
    boolean answers(VaultReference ref, UUID identity, Instant from, Instant to) {
        if (!reads(ref)) {
            return true;
        }
        Reading r = readings.get(new Key(ref.connectionId(), identity));
        return r != null && r.answers(from, to);
    }

    /** Whether checkouts are read for this vault account at all. */
    boolean reads(VaultReference ref) {
        return ref.vendor().auditsAccounts() && !unsupported.contains(ref.connectionId());
    }

    /** The identity's checkouts and launches in the vaults of these accounts that overlap {@code [from, to]}. */
    List<VaultActivity> activityOf(UUID identity, List<VaultReference> refs, Instant from, Instant to) {
        List<VaultActivity> found = new ArrayList<>();
        for (VaultReference ref : refs) {
            Reading reading = readings.get(new Key(ref.connectionId(), identity));
            if (reading != null) {
                reading.activity().stream().filter(a -> a.overlaps(from, to)).forEach(found::add);
            }
        }
        return found;
    }

    /**
     * Asks for the identity's checkouts around sign-ins in {@code [from, to]}. Cheap and never blocks:
     * detectors call it from the detection thread.
     */
    void want(UUID identity, Instant from, Instant to) {
        if (waiting.size() >= MAX_WAITING && !waiting.containsKey(identity)) {
            notQueued.incrementAndGet();
            return;
        }
        waiting.merge(identity, new Span(from, to), Span::union);
    }

    /**
     * Takes the identities whose spans have passed by {@code now}: only then can one look-up answer for
     * the whole span. The others keep waiting.
     */
    Map<UUID, Span> takeDue(Instant now) {
        Map<UUID, Span> due = new LinkedHashMap<>();
        Iterator<Map.Entry<UUID, Span>> it = waiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<UUID, Span> e = it.next();
            if (!e.getValue().to().isAfter(now) && waiting.remove(e.getKey(), e.getValue())) {
                due.put(e.getKey(), e.getValue());
            }
        }
        return due;
    }

    int waiting() {
        return waiting.size();
    }

    /** Sign-ins that could not ask because {@link #MAX_WAITING} identities were already waiting. */
    long notQueued() {
        return notQueued.get();
    }

    void publish(String connectionId, UUID identity, Reading reading) {
        readings.merge(new Key(connectionId, identity), reading, Reading::mergedWith);
        if (readings.size() > MAX_READINGS) {
            evictOldest(readings.size() - MAX_READINGS);
        }
    }

    /** The vault says it has no account audit API: its sessions alone answer from now on. */
    void unsupported(String connectionId) {
        unsupported.add(connectionId);
        readings.keySet().removeIf(k -> k.connectionId().equals(connectionId));
    }

    /** Drops what was read through a connection that was removed or disabled. */
    void forget(String connectionId) {
        unsupported.remove(connectionId);
        readings.keySet().removeIf(k -> k.connectionId().equals(connectionId));
    }

    /** Drops readings that answer for nothing after {@code before}. */
    void prune(Instant before) {
        readings.values().removeIf(r -> r.until().isBefore(before));
    }

    int readings() {
        return readings.size();
    }

    private void evictOldest(int count) {
        readings.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> a.until().compareTo(b.until())))
                .limit(count).map(Map.Entry::getKey).toList()
                .forEach(readings::remove);
    }
}
