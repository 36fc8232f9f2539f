package io.vigil.ingest.xml;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The fields of an {@code <EventData>} (or {@code <UserData>}) XML fragment, as other formats embed it
 * (Sentinel's SecurityEvent keeps it in its {@code EventData} column), read with the rules of
 * {@link EventXmlDecoder}.
 */
public final class EventDataXml {

    private EventDataXml() {
    }

    /** @throws IllegalArgumentException when the text is not well-formed XML */
    public static Map<String, String> fields(String xml) {
        Map<String, String> data = new LinkedHashMap<>();
        try {
            XMLStreamReader reader = SecureXml.factory().createXMLStreamReader(new StringReader(xml));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                        if (reader.getLocalName().equals("UserData")) {
                            reader.nextTag();
                        }
                        EventElementReader.readEventData(reader, data);
                        return data;
                    }
                }
                return data;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
