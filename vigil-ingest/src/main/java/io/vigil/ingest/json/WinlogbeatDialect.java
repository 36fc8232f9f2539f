package io.vigil.ingest.json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vigil.model.event.Channels;
import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;

/**
 * Winlogbeat: 7.x and later (ECS) nest the event under {@code winlog}; 6.x kept the same fields at
 * the top level ({@code event_data}, {@code event_id}, {@code log_name}, {@code source_name},
 * {@code computer_name}, {@code record_number}).
 *
 * <p>Winlogbeat's security module moves some EventData fields of Security events into ECS fields;
 * they are put back under their Windows names, when the event does not still carry them, so every
 * consumer sees the Windows layout.
 */
final class WinlogbeatDialect implements JsonDialect {

    static final WinlogbeatDialect INSTANCE = new WinlogbeatDialect();

    private WinlogbeatDialect() {
    }

    /** Where the security module moved each field: Windows name → ECS path. */
    private static final Map<String, String[]> MOVED_FIELDS = movedFields();

    private static Map<String, String[]> movedFields() {
        Map<String, String[]> moved = new LinkedHashMap<>();
        moved.put("IpAddress", new String[] {"source", "ip"});
        moved.put("IpPort", new String[] {"source", "port"});
        moved.put("WorkstationName", new String[] {"source", "domain"});
        moved.put("ProcessName", new String[] {"process", "executable"});
        moved.put("ProcessId", new String[] {"process", "pid"});
        return moved;
    }

    static boolean matches(Map<String, Object> record) {
        return record.get("winlog") instanceof Map<?, ?>
                || (record.containsKey("event_id") && (record.containsKey("log_name") || record.containsKey("event_data")));
    }

    @Override
    public String name() {
        return "Winlogbeat";
    }

    @Override
    public WindowsEvent toEvent(Map<String, Object> record, EventOrigin origin, LocalTimeResolver clock)
            throws RecordException {
        Map<String, Object> winlog = JsonValues.object(record.get("winlog"));
        boolean ecs = winlog != null;
        Map<String, Object> header = ecs ? winlog : record;
        String channel = JsonValues.text(header, ecs ? "channel" : "log_name");
        Map<String, String> data = new LinkedHashMap<>();
        copyFields(JsonValues.object(header.get("event_data")), data);
        copyFields(userData(JsonValues.object(header.get("user_data"))), data);
        if (ecs && Channels.SECURITY.equalsIgnoreCase(channel)) {
            restoreMovedFields(record, data);
        }
        Timestamp timestamp = Timestamp.parse(JsonValues.text(record, "@timestamp"));
        Instant time = timestamp == null ? null : timestamp.instantAssumingUtc();
        return EventHeader.event(
                JsonValues.text(header, ecs ? "provider_name" : "source_name"),
                channel,
                header.get("event_id"),
                header.get("version"),
                JsonValues.text(header, "computer_name"),
                time,
                header.get(ecs ? "record_id" : "record_number"),
                data,
                origin);
    }

    private static void copyFields(Map<String, Object> fields, Map<String, String> data) {
        if (fields == null) {
            return;
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            data.put(e.getKey(), JsonValues.render(e.getValue()));
        }
    }

    /** Winlogbeat keeps UserData's single child element; its fields are the event's fields. */
    private static Map<String, Object> userData(Map<String, Object> userData) {
        if (userData == null) {
            return null;
        }
        if (userData.size() == 1 && userData.values().iterator().next() instanceof Map<?, ?> only) {
            return JsonValues.object(only);
        }
        return userData;
    }

    private static void restoreMovedFields(Map<String, Object> record, Map<String, String> data) {
        for (Map.Entry<String, String[]> moved : MOVED_FIELDS.entrySet()) {
            Object value = JsonValues.at(record, moved.getValue());
            if (value == null || data.containsKey(moved.getKey())) {
                continue;
            }
            if (moved.getKey().equals("ProcessId") && value instanceof JsonNumber pid) {
                // Security events render process ids in hex; Winlogbeat converted them to decimal
                data.put("ProcessId", "0x" + Long.toHexString(Long.parseLong(pid.text())));
            } else {
                data.put(moved.getKey(), JsonValues.render(value));
            }
        }
    }
}
