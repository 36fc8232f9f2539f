package io.vigil.ingest.normalize;

import io.vigil.ingest.decode.EventFilter;
import io.vigil.model.event.Channels;
import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.IdentityEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * WindowsEvent → IdentityEvent for the events identity detection reads (reference §5.1). Security
 * events are taken from the Security channel only, 7045 from System, 8004 from the NTLM operational
 * log, so an unrelated provider reusing an id (Sysmon, PowerShell) is never misread. An event
 * whose fields are too broken to say who did what yields null; field parsing never throws.
 */
public final class IdentityNormalizer {

    private static final String NTLM_CHANNEL = "Microsoft-Windows-NTLM/Operational";

    private final Map<Integer, EventMapper> mappers;

    public IdentityNormalizer() {
        Map<Integer, EventMapper> m = new HashMap<>();
        LogonMappers.register(m);
        KerberosMappers.register(m);
        NtlmMappers.register(m);
        DirectoryMappers.register(m);
        AccountManagementMappers.register(m);
        ServiceMappers.register(m);
        this.mappers = Map.copyOf(m);
    }

    /** The EventIDs this normaliser understands. */
    public Set<Integer> eventIds() {
        return mappers.keySet();
    }

    /** A decoder filter that lets through exactly the events {@link #normalize} can map. */
    public EventFilter filter() {
        return new EventFilter() {
            @Override
            public boolean wants(String channel, int eventId) {
                return accepts(channel, eventId);
            }

            @Override
            public boolean mayWant(int eventId) {
                return mappers.containsKey(eventId);
            }
        };
    }

    public boolean accepts(String channel, int eventId) {
        return mappers.containsKey(eventId) && channelMatches(Channels.canonical(channel), eventId);
    }

    /** The identity view of an event, or null when it is not an identity event or is unusable. */
    public IdentityEvent normalize(WindowsEvent event) {
        EventMapper mapper = mappers.get(event.eventId());
        if (mapper == null || !channelMatches(event.channel(), event.eventId())) {
            return null;
        }
        return mapper.map(event);
    }

    private static boolean channelMatches(String channel, int eventId) {
        if (channel == null || channel.isEmpty()) {
            return true;
        }
        return switch (eventId) {
            case 7045 -> channel.equals(Channels.SYSTEM);
            case 8004 -> channel.equalsIgnoreCase(NTLM_CHANNEL);
            default -> channel.equals(Channels.SECURITY);
        };
    }
}
