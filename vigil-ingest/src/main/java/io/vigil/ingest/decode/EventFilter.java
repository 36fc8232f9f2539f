package io.vigil.ingest.decode;

import java.util.Set;

/**
 * Which events a consumer wants, by channel and EventID, so decoders that can read those two fields
 * cheaply skip building the rest of an event nobody reads. Channels compare case-insensitively.
 *
 * <p>For each record a decoder asks {@link #mayWant} at most once and then, unless that said no,
 * {@link #wants} exactly once; so a counting filter tells how many records a source held, built or not.
 */
@FunctionalInterface
public interface EventFilter {

    EventFilter ALL = (channel, eventId) -> true;

    boolean wants(String channel, int eventId);

    /**
     * Whether an event with this id could be wanted on some channel. Decoders that find the EventID
     * before the channel ask this first and skip reading the channel of the many events it rules out.
     */
    default boolean mayWant(int eventId) {
        return true;
    }

    /** Events with one of these ids, on any channel. */
    static EventFilter eventIds(Set<Integer> ids) {
        return new EventFilter() {
            @Override
            public boolean wants(String channel, int eventId) {
                return ids.contains(eventId);
            }

            @Override
            public boolean mayWant(int eventId) {
                return ids.contains(eventId);
            }
        };
    }

    /** Events with one of these ids on one channel (case-insensitive). */
    static EventFilter channelEventIds(String channel, Set<Integer> ids) {
        return new EventFilter() {
            @Override
            public boolean wants(String c, int id) {
                return ids.contains(id) && c != null && c.equalsIgnoreCase(channel);
            }

            @Override
            public boolean mayWant(int id) {
                return ids.contains(id);
            }
        };
    }
}
