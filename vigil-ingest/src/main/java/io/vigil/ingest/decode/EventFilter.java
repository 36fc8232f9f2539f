package io.vigil.ingest.decode;

import java.util.Locale;
import java.util.Set;

/**
 * Which events a consumer wants, by channel and EventID, so decoders that can read those two fields
 * cheaply skip building the rest of an event nobody reads. Channels compare case-insensitively.
 *
 * <p>Decoders consult the filter exactly once per record they decode, so a counting filter tells
 * how many records a source held, built or not.
 */
@FunctionalInterface
public interface EventFilter {

    EventFilter ALL = (channel, eventId) -> true;

    boolean wants(String channel, int eventId);

    /** Events with one of these ids, on any channel. */
    static EventFilter eventIds(Set<Integer> ids) {
        return (channel, eventId) -> ids.contains(eventId);
    }

    /** Events with one of these ids on one channel (case-insensitive). */
    static EventFilter channelEventIds(String channel, Set<Integer> ids) {
        String wanted = channel.toLowerCase(Locale.ROOT);
        return (c, id) -> ids.contains(id) && c != null && c.toLowerCase(Locale.ROOT).equals(wanted);
    }

    default EventFilter or(EventFilter other) {
        return (c, id) -> wants(c, id) || other.wants(c, id);
    }
}
