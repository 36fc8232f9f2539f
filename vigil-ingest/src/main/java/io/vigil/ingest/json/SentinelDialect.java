package io.vigil.ingest.json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.vigil.ingest.xml.EventDataXml;
import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;

/**
 * Microsoft Sentinel / Log Analytics {@code SecurityEvent} rows (and the {@code WindowsEvent} table of
 * the Azure Monitor Agent). SecurityEvent promotes EventData fields to columns under their Windows
 * names and may keep the whole {@code <EventData>} XML in the {@code EventData} column; WindowsEvent
 * keeps EventData as an object. When the event's own EventData is there it is authoritative;
 * otherwise every non-empty column that is not one of the table's own is taken as a field.
 */
final class SentinelDialect implements JsonDialect {

    static final SentinelDialect INSTANCE = new SentinelDialect();

    /** Columns Log Analytics adds or derives, which are not EventData fields. */
    private static final Set<String> TABLE_COLUMNS = Set.of(
            "TenantId", "TimeGenerated", "SourceSystem", "Account", "AccountType", "Computer", "EventSourceName",
            "Channel", "Task", "Level", "EventData", "EventID", "Activity", "SourceComputerId", "EventOriginId",
            "MG", "TimeCollected", "ManagementGroupName", "Type", "Process", "SubjectAccount", "TargetAccount",
            "EventLevel", "EventLevelName", "EventRecordId", "Keywords", "Opcode", "Version", "Correlation",
            "Provider", "RawEventData", "SystemProcessId", "SystemThreadId", "SystemUserId", "Data", "Message",
            "AzureDeploymentID", "Role", "_ResourceId", "_ItemId", "_BilledSize", "_IsBillable", "_SubscriptionId",
            "_TimeReceived", "_Internal_WorkspaceResourceId");

    private SentinelDialect() {
    }

    static boolean matches(Map<String, Object> record) {
        return record.containsKey("TimeGenerated")
                && (record.containsKey("EventSourceName") || record.containsKey("TenantId") || record.containsKey("Type"));
    }

    @Override
    public String name() {
        return "Sentinel SecurityEvent";
    }

    @Override
    public WindowsEvent toEvent(Map<String, Object> record, EventOrigin origin, LocalTimeResolver clock)
            throws RecordException {
        Map<String, String> data = eventData(record.get("EventData"));
        if (data == null) {
            data = new LinkedHashMap<>();
            for (Map.Entry<String, Object> column : record.entrySet()) {
                Object value = column.getValue();
                if (!TABLE_COLUMNS.contains(column.getKey()) && value != null && !"".equals(value)) {
                    data.put(column.getKey(), JsonValues.render(value));
                }
            }
        }
        Timestamp time = Timestamp.parse(JsonValues.text(record, "TimeGenerated"));
        String provider = JsonValues.text(record, "EventSourceName");
        return EventHeader.event(
                provider != null ? provider : JsonValues.text(record, "Provider"),
                JsonValues.text(record, "Channel"),
                record.get("EventID"),
                record.get("Version"),
                JsonValues.text(record, "Computer"),
                time == null ? null : time.instantAssumingUtc(),
                record.get("EventRecordId"),
                data,
                origin);
    }

    private static Map<String, String> eventData(Object column) throws RecordException {
        if (column instanceof String xml && xml.stripLeading().startsWith("<")) {
            try {
                return EventDataXml.fields(xml);
            } catch (IllegalArgumentException e) {
                throw new RecordException("EventData column is not valid XML: " + e.getMessage());
            }
        }
        Map<String, Object> object = JsonValues.object(column);
        if (object == null) {
            return null;
        }
        Map<String, String> data = new LinkedHashMap<>();
        object.forEach((name, value) -> data.put(name, JsonValues.render(value)));
        return data;
    }
}
