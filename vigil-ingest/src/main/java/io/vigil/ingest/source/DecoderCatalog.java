package io.vigil.ingest.source;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

import io.vigil.ingest.decode.EventDecoder;
import io.vigil.ingest.json.JsonEventDecoder;
import io.vigil.ingest.xml.EventXmlDecoder;

/**
 * The standard decoders by format name: JSON and event XML, the EVTX decoder when it is on the class
 * path, and any {@link EventDecoder} a jar registers through {@link ServiceLoader} (for formats not
 * already taken).
 */
final class DecoderCatalog {

    static final String EVTX_DECODER = "io.vigil.ingest.evtx.EvtxDecoder";

    private DecoderCatalog() {
    }

    static Map<String, EventDecoder> standard() {
        Map<String, EventDecoder> decoders = new LinkedHashMap<>();
        add(decoders, new JsonEventDecoder());
        add(decoders, new EventXmlDecoder());
        EventDecoder evtx = instantiate(EVTX_DECODER);
        if (evtx != null) {
            add(decoders, evtx);
        }
        for (EventDecoder plugin : ServiceLoader.load(EventDecoder.class, DecoderCatalog.class.getClassLoader())) {
            decoders.putIfAbsent(plugin.format(), plugin);
        }
        return decoders;
    }

    private static void add(Map<String, EventDecoder> decoders, EventDecoder decoder) {
        decoders.put(decoder.format(), decoder);
    }

    /** The decoder class by name, or null when it is not on the class path (a slimmed build). */
    static EventDecoder instantiate(String className) {
        try {
            Class<?> type = Class.forName(className, true, DecoderCatalog.class.getClassLoader());
            return (EventDecoder) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException | ClassCastException | LinkageError e) {
            return null;
        }
    }
}
