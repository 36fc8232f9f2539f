package io.vigil.ingest.json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;

/**
 * OTRF Security-Datasets records: EventData fields promoted to the top level next to the shipper's
 * metadata. Two generations: NXLog through Logstash (2019–2021: {@code EventTime} local,
 * {@code @timestamp} UTC, {@code RecordNumber}, …) and the 2022–23 exports ({@code TimeCreated},
 * {@code SourceName}, hex {@code Keywords}). Every key that is not metadata is an EventData field.
 */
final class FlatDialect implements JsonDialect {

    static final FlatDialect INSTANCE = new FlatDialect();

    /** Metadata keys of both generations. */
    private static final Set<String> METADATA = Set.of(
            "@timestamp", "@version", "@metadata", "EventTime", "EventReceivedTime", "TimeCreated", "Hostname",
            "Channel", "SourceName", "ProviderGuid", "EventID", "Version", "Task", "Opcode", "OpcodeValue",
            "Keywords", "Severity", "SeverityValue", "Category", "RecordNumber", "EventRecordID",
            "ExecutionProcessID", "ThreadID", "Message", "SourceModuleName", "SourceModuleType", "host", "port",
            "tags", "Level", "ERROR_EVT_UNRESOLVED");

    /**
     * NXLog's own fields: it resolves System/Security@UserID into AccountName, AccountType, Domain and
     * UserID, writes its EventType (AUDIT_SUCCESS, INFO, …) and the correlation ActivityID. When the
     * event has an EventData field of the same name NXLog's value wins and the original is lost, except
     * EventType: the OTRF pipeline then keeps NXLog's as {@code EventTypeOrignal} (sic) and the event's
     * own (Sysmon's CreateKey, SetValue…) as {@code EventType}.
     */
    private static final Set<String> NXLOG_METADATA = Set.of(
            "AccountName", "AccountType", "Domain", "UserID", "ActivityID", "RelatedActivityID", "EventTypeOrignal");

    private FlatDialect() {
    }

    @Override
    public String name() {
        return "OTRF flat";
    }

    @Override
    public WindowsEvent toEvent(Map<String, Object> record, EventOrigin origin, LocalTimeResolver clock)
            throws RecordException {
        boolean nxlog = record.containsKey("EventTime") || record.containsKey("SourceModuleType");
        boolean eventTypeIsData = !nxlog || record.containsKey("EventTypeOrignal");
        Map<String, String> data = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : record.entrySet()) {
            String key = e.getKey();
            if (METADATA.contains(key) || (nxlog && NXLOG_METADATA.contains(key))
                    || (key.equals("EventType") && !eventTypeIsData)
                    || (key.equals("Source") && !record.containsKey("SourceName"))) {
                continue;
            }
            data.put(key, JsonValues.render(e.getValue()));
        }
        String provider = JsonValues.text(record, "SourceName");
        if (provider == null) {
            provider = JsonValues.text(record, "Source");
        }
        Object recordId = record.containsKey("RecordNumber") ? record.get("RecordNumber") : record.get("EventRecordID");
        return EventHeader.event(provider, JsonValues.text(record, "Channel"), record.get("EventID"),
                record.get("Version"), JsonValues.text(record, "Hostname"), time(record, clock), recordId, data, origin);
    }

    private static Instant time(Map<String, Object> record, LocalTimeResolver clock) {
        Timestamp utc = Timestamp.parse(JsonValues.text(record, "@timestamp"));
        Instant reference = utc == null ? null : utc.instantAssumingUtc();
        Timestamp recorded = Timestamp.parse(JsonValues.text(record, "EventTime"));
        if (recorded == null) {
            recorded = Timestamp.parse(JsonValues.text(record, "TimeCreated"));
        }
        if (recorded == null) {
            return reference;
        }
        if (reference == null && !recorded.zoned()) {
            // 2020 exports without @timestamp: Sysmon's UtcTime is the same moment in UTC
            Timestamp sysmonUtc = Timestamp.parse(JsonValues.text(record, "UtcTime"));
            reference = sysmonUtc == null ? null : sysmonUtc.instantAssumingUtc();
        }
        return clock.resolve(recorded, reference);
    }
}
