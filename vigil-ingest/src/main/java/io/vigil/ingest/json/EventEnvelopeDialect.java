package io.vigil.ingest.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;

/**
 * Event XML converted to JSON ({@code {"Event": {"System": …, "EventData": …}}}), as evtx_dump and the
 * Sigma regression data write it: XML attributes under {@code #attributes}, element text under
 * {@code #text} when the element also has attributes, numbers where the XML had digits.
 */
final class EventEnvelopeDialect implements JsonDialect {

    static final EventEnvelopeDialect INSTANCE = new EventEnvelopeDialect();

    private static final String ATTRIBUTES = "#attributes";

    private EventEnvelopeDialect() {
    }

    static boolean matches(Map<String, Object> record) {
        return JsonValues.at(record, "Event", "System") instanceof Map<?, ?>;
    }

    @Override
    public String name() {
        return "Event envelope";
    }

    @Override
    public WindowsEvent toEvent(Map<String, Object> record, EventOrigin origin, LocalTimeResolver clock)
            throws RecordException {
        Map<String, Object> event = JsonValues.object(record.get("Event"));
        Map<String, Object> system = JsonValues.object(event.get("System"));
        Map<String, String> data = new LinkedHashMap<>();
        Object eventData = event.get("EventData");
        if (eventData instanceof Map<?, ?>) {
            addEventData(JsonValues.object(eventData), data);
        }
        Map<String, Object> userData = JsonValues.object(event.get("UserData"));
        if (userData != null) {
            addUserData(userData, data);
        }
        Timestamp time = Timestamp.parse(JsonValues.text(system, "TimeCreated", ATTRIBUTES, "SystemTime"));
        return EventHeader.event(
                JsonValues.text(system, "Provider", ATTRIBUTES, "Name"),
                elementText(system.get("Channel")),
                system.get("EventID"),
                elementText(system.get("Version")),
                elementText(system.get("Computer")),
                time == null ? null : clock.resolve(time, null),
                elementText(system.get("EventRecordID")),
                data,
                origin);
    }

    private static void addEventData(Map<String, Object> eventData, Map<String, String> data) {
        Object dataElements = eventData.get("Data");
        if (eventData.size() <= 2 && (dataElements instanceof List<?> || hasNameAttribute(dataElements))) {
            addDataElements(dataElements instanceof List<?> list ? list : List.of(dataElements), data);
            return;
        }
        for (Map.Entry<String, Object> e : eventData.entrySet()) {
            if (!e.getKey().equals(ATTRIBUTES)) {
                data.put(e.getKey(), JsonValues.render(elementValue(e.getValue())));
            }
        }
    }

    /** {@code "Data": [{"#attributes": {"Name": "X"}, "#text": "v"}, …]}, or unnamed values named Param1…N. */
    private static void addDataElements(List<?> elements, Map<String, String> data) {
        int unnamed = 0;
        for (Object element : elements) {
            String name = hasNameAttribute(element)
                    ? JsonValues.text(JsonValues.object(element), ATTRIBUTES, "Name") : "Param" + (++unnamed);
            data.put(name, JsonValues.render(elementValue(element)));
        }
    }

    private static void addUserData(Map<String, Object> userData, Map<String, String> data) {
        for (Map.Entry<String, Object> child : userData.entrySet()) {
            Map<String, Object> fields = JsonValues.object(child.getValue());
            if (child.getKey().equals(ATTRIBUTES) || fields == null) {
                continue;
            }
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!field.getKey().equals(ATTRIBUTES)) {
                    data.putIfAbsent(field.getKey(), JsonValues.render(elementValue(field.getValue())));
                }
            }
        }
    }

    private static boolean hasNameAttribute(Object element) {
        return element instanceof Map<?, ?> && JsonValues.at(JsonValues.object(element), ATTRIBUTES, "Name") != null;
    }

    /** An element with attributes keeps its text under {@code #text}; attributes alone mean no text. */
    private static Object elementValue(Object element) {
        if (element instanceof Map<?, ?> map && map.containsKey(ATTRIBUTES)) {
            if (map.containsKey("#text")) {
                return map.get("#text");
            }
            return map.size() == 1 ? "" : element;
        }
        return element;
    }

    private static String elementText(Object element) {
        Object value = elementValue(element);
        return value == null ? null : JsonValues.render(value);
    }
}
