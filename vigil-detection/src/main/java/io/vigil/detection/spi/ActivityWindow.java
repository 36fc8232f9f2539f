package io.vigil.detection.spi;

import io.vigil.model.alert.Evidence;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.Endpoint;
import io.vigil.model.identity.IdentityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tumbling window of activity for one key, opened by its first event and lasting a fixed length:
 * it counts events by item (an account, a service…), optionally in named tallies, remembers the
 * accounts and endpoints it saw (for alert entities) and keeps the first evidence events up to a cap.
 * A mutable POJO so engines can keep it as keyed state. The window start seeds the alert id, so one
 * window raises at most one alert, updated as the window fills.
 */
public final class ActivityWindow {

    public static final int EVIDENCE_CAP = 100;
    /** Accounts and endpoints remembered for entities; the tallies themselves are never capped. */
    public static final int ENTITY_CAP = 50;

    public Instant start;
    public Instant last;
    public long total;
    public Map<String, Integer> items = new LinkedHashMap<>();
    /** Named tallies: tally name → item → count, in first-seen order. */
    public Map<String, Map<String, Integer>> tallies = new LinkedHashMap<>();
    /** Accounts seen, by {@link Account#key()}, first spelling kept. */
    public Map<String, Account> accounts = new LinkedHashMap<>();
    /**
     * Endpoints seen, by {@link Endpoint#key()}; sightings of one peer are merged into one entry (see
     * {@link #remember(Endpoint)}).
     */
    public Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    /** IPs seen claiming more than one host name: their endpoints are shown by IP alone. */
    public Set<String> renamingIps = new HashSet<>();
    public List<Evidence> evidence = new ArrayList<>();
    public boolean alerted;

    /**
     * Starts a new window when this event falls after the current one (or none is open).
     *
     * @return true when a new window was opened
     */
    public boolean roll(Instant time, Duration length) {
        if (start == null || time.isAfter(start.plus(length)) || time.isBefore(start.minus(length))) {
            reset();
            start = time;
            last = time;
            return true;
        }
        return false;
    }

    /** Whether a window is open and {@code time} falls inside it. */
    public boolean covers(Instant time, Duration length) {
        return start != null && !time.isBefore(start) && !time.isAfter(start.plus(length));
    }

    /** Whether the window that is open has ended by {@code time} (true when none is open). */
    public boolean endedBy(Instant time, Duration length) {
        return start == null || time.isAfter(start.plus(length)) || time.equals(start.plus(length));
    }

    /** Forgets everything, so an idle key costs next to nothing. */
    public void reset() {
        start = null;
        last = null;
        total = 0;
        items.clear();
        tallies.clear();
        accounts.clear();
        endpoints.clear();
        renamingIps.clear();
        evidence.clear();
        alerted = false;
    }

    public void add(String item, IdentityEvent event) {
        add(item, event.time(), evidence.size() < EVIDENCE_CAP ? Evidences.of(event) : null);
    }

    /** Counts an event a detector kept as evidence only (it no longer has the event itself). */
    public void add(String item, Instant time, Evidence seen) {
        total++;
        if (last == null || time.isAfter(last)) {
            last = time;
        }
        if (item != null) {
            items.merge(item, 1, Integer::sum);
        }
        if (seen != null && evidence.size() < EVIDENCE_CAP) {
            evidence.add(seen);
        }
    }

    public int distinct() {
        return items.size();
    }

    /** Counts {@code item} in the named tally; null items are not counted. */
    public void count(String tally, String item) {
        if (item != null) {
            tallies.computeIfAbsent(tally, k -> new LinkedHashMap<>()).merge(item, 1, Integer::sum);
        }
    }

    /** The named tally, empty when nothing was counted in it. */
    public Map<String, Integer> tally(String name) {
        return tallies.getOrDefault(name, Map.of());
    }

    public int distinct(String tally) {
        return tally(tally).size();
    }

    /** Remembers an account for the alert's entities and returns its key (null for no account). */
    public String remember(Account account) {
        if (account == null || account.key() == null) {
            return null;
        }
        String key = account.key();
        if (accounts.size() < ENTITY_CAP || accounts.containsKey(key)) {
            accounts.putIfAbsent(key, account);
        }
        return key;
    }

    /**
     * Remembers an endpoint for the alert's entities and returns the key of its entry (null when
     * unknown). One peer is often named differently by different events — the DC's 4776 gives only the
     * workstation name, the server's 4624 the name and the IP — so a sighting joins the entry it shares
     * an IP with, or, when one of the two lacks the IP, the entry with the same host name. The entry then
     * keeps both parts — unless the IP claims another host name, as attack tools do with a random one per
     * attempt: then the name is dropped for good and the IP alone names the peer.
     */
    public String remember(Endpoint endpoint) {
        if (endpoint == null || !endpoint.isKnown()) {
            return null;
        }
        String key = entryOf(endpoint);
        if (key == null) {
            key = endpoint.key();
            if (endpoints.size() < ENTITY_CAP) {
                endpoints.put(key, endpoint);
            }
            return key;
        }
        Endpoint merged = richer(endpoints.get(key), endpoint);
        if (merged.key().equals(key)) {
            endpoints.put(key, merged);
        } else {
            rekey(key, merged);
        }
        if (merged.host() != null && merged.ip() != null) {
            // an earlier host-only sighting of the peer, when this one joined the entry holding its IP
            endpoints.entrySet().removeIf(known -> known.getValue().ip() == null
                    && merged.host().equalsIgnoreCase(known.getValue().host()));
        }
        return merged.key();
    }

    /** The key of the entry {@code endpoint} is another sighting of, or null. */
    private String entryOf(Endpoint endpoint) {
        if (endpoints.containsKey(endpoint.key())) {
            return endpoint.key();
        }
        if (endpoint.host() == null) {
            return null;
        }
        for (Map.Entry<String, Endpoint> known : endpoints.entrySet()) {
            Endpoint k = known.getValue();
            if (endpoint.host().equalsIgnoreCase(k.host()) && (k.ip() == null || endpoint.ip() == null)) {
                return known.getKey();
            }
        }
        return null;
    }

    /** Replaces the entry at {@code oldKey} by {@code merged} under its own key, keeping first-seen order. */
    private void rekey(String oldKey, Endpoint merged) {
        Map<String, Endpoint> reordered = new LinkedHashMap<>();
        endpoints.forEach((k, v) -> reordered.put(k.equals(oldKey) ? merged.key() : k, k.equals(oldKey) ? merged : v));
        endpoints.clear();
        endpoints.putAll(reordered);
    }

    /** The account's name as first seen, else the key itself. */
    public String nameOf(String accountKey) {
        Account a = accounts.get(accountKey);
        return a == null || a.name() == null ? accountKey : a.name();
    }

    public List<String> namesOf(Iterable<String> accountKeys) {
        List<String> names = new ArrayList<>();
        accountKeys.forEach(k -> names.add(nameOf(k)));
        return names;
    }

    /** Keeps the host and the IP when one sighting named the host and another the IP. */
    private Endpoint richer(Endpoint known, Endpoint seen) {
        String ip = known.ip() != null ? known.ip() : seen.ip();
        if (ip != null && known.host() != null && seen.host() != null && !known.host().equalsIgnoreCase(seen.host())) {
            renamingIps.add(ip);
        }
        String host = ip != null && renamingIps.contains(ip) ? null : known.host() != null ? known.host() : seen.host();
        return new Endpoint(host, ip, known.port());
    }
}
