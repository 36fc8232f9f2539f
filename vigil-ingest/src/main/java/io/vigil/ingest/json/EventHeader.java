package io.vigil.ingest.json;

import java.time.Instant;
import java.util.Map;

import io.vigil.ingest.decode.WindowsNumbers;
import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;

/** Builds a {@link WindowsEvent} from System-header values in whatever form a dialect has them. */
final class EventHeader {

    private EventHeader() {
    }

    static WindowsEvent event(String provider, String channel, Object eventId, Object version, String computer,
            Instant time, Object recordId, Map<String, String> data, EventOrigin origin) throws RecordException {
        int id = eventId(eventId);
        if (time == null) {
            throw new RecordException("no timestamp");
        }
        long record = recordId == null ? -1 : WindowsNumbers.parse(JsonValues.render(recordId));
        long v = version == null ? 0 : WindowsNumbers.parse(JsonValues.render(version));
        return new WindowsEvent(provider, channel, id, v < 0 ? 0 : (int) v, computer, time, record < 0 ? -1 : record,
                data, origin);
    }

    /**
     * The EventID: a number or numeric string. Some exporters keep the qualifiers in the high 16 bits
     * (e.g. 1073748869 for 7045); Windows' EventID is the low 16 bits.
     */
    static int eventId(Object value) throws RecordException {
        if (value instanceof Map<?, ?> map) {
            // {"#attributes": {"Qualifiers": …}, "#text": 7045} from XML-to-JSON converters
            Object text = map.containsKey("#text") ? map.get("#text") : map.get("#value");
            return eventId(text);
        }
        if (value == null) {
            throw new RecordException("no EventID");
        }
        long id = WindowsNumbers.parse(JsonValues.render(value));
        if (id < 0) {
            throw new RecordException("EventID is not a number: " + JsonValues.render(value));
        }
        return (int) (id > 0xFFFF ? id & 0xFFFF : id);
    }
}
