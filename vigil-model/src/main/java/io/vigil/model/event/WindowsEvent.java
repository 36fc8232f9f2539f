package io.vigil.model.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One Windows event as the source recorded it: the System header plus every EventData / UserData
 * field by its own name. Sigma rules match these names, so decoders keep every field and never
 * rename one. Values are strings exactly as Windows renders them in its XML view.
 *
 * @param provider  provider name, e.g. {@code Microsoft-Windows-Security-Auditing}
 * @param channel   channel in its canonical spelling (see {@link Channels#canonical(String)})
 * @param eventId   the EventID (qualifiers stripped)
 * @param version   event version, 0 when the source does not say
 * @param computer  the computer that recorded the event, as the source names it (often an FQDN)
 * @param time      when the event was recorded, UTC
 * @param recordId  the EventRecordID, or -1 when the source has none
 * @param data      EventData / UserData fields by name, in source order; never null
 * @param origin    where it was read from, for evidence and error reports
 */
public record WindowsEvent(
        String provider,
        String channel,
        int eventId,
        int version,
        String computer,
        Instant time,
        long recordId,
        Map<String, String> data,
        EventOrigin origin) {

    public WindowsEvent {
        provider = provider == null ? "" : provider;
        channel = Channels.canonical(channel);
        computer = computer == null ? "" : computer;
        Objects.requireNonNull(time, "time");
        data = data == null ? Map.of() : data;
        origin = origin == null ? EventOrigin.UNKNOWN : origin;
    }

    /** The named field, or {@code null} when the event does not carry it. */
    public String field(String name) {
        return data.get(name);
    }

    /** The named field with Windows' "no value" markers ({@code -}, empty) read as {@code null}. */
    public String value(String name) {
        String v = data.get(name);
        if (v == null) {
            return null;
        }
        String t = v.strip();
        return t.isEmpty() || t.equals("-") ? null : t;
    }

    public WindowsEvent withTime(Instant newTime) {
        return new WindowsEvent(provider, channel, eventId, version, computer, newTime, recordId, data, origin);
    }
}
