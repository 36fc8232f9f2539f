package io.vigil.server.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the demo recording the way real collectors do: the first half as Windows event XML (what
 * {@code wevtutil qe /f:xml} or Windows Event Forwarding produce), the rest as Winlogbeat JSON lines.
 */
public final class DemoLogWriter {

    public static final String XML_FILE = "dc01-security.xml";
    public static final String JSON_FILE = "dc01-security-winlogbeat.jsonl";

    private DemoLogWriter() {
    }

    /** Writes both files into {@code folder} and returns how many events they hold. */
    public static int write(Path folder) throws IOException {
        List<DemoEvent> events = DemoScenario.build();
        int half = events.size() / 2;
        Files.createDirectories(folder);
        try (Writer out = Files.newBufferedWriter(folder.resolve(XML_FILE), StandardCharsets.UTF_8)) {
            out.write("<Events>\n");
            for (DemoEvent e : events.subList(0, half)) {
                writeXml(e, out);
            }
            out.write("</Events>\n");
        }
        JsonFactory json = new JsonFactory();
        try (Writer out = Files.newBufferedWriter(folder.resolve(JSON_FILE), StandardCharsets.UTF_8)) {
            for (DemoEvent e : events.subList(half, events.size())) {
                try (JsonGenerator g = json.createGenerator(new NonClosingWriter(out))) {
                    writeWinlogbeat(e, g);
                }
                out.write('\n');
            }
        }
        return events.size();
    }

    private static void writeXml(DemoEvent e, Writer out) throws IOException {
        out.write("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
                + "<Provider Name=\"Microsoft-Windows-Security-Auditing\" Guid=\"{54849625-5478-4994-A5BA-3E3B0328C30D}\"/>"
                + "<EventID>" + e.eventId() + "</EventID><Version>0</Version><Level>0</Level>"
                + "<Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime=\"" + e.time() + "\"/>"
                + "<EventRecordID>" + e.recordId() + "</EventRecordID><Channel>Security</Channel>"
                + "<Computer>" + DemoScenario.DC + "</Computer><Security/></System><EventData>");
        for (var field : e.data().entrySet()) {
            out.write("<Data Name=\"" + escape(field.getKey()) + "\">" + escape(field.getValue()) + "</Data>");
        }
        out.write("</EventData></Event>\n");
    }

    private static void writeWinlogbeat(DemoEvent e, JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("@timestamp", e.time().toString());
        g.writeObjectPropertyStart("event");
        g.writeStringProperty("code", Integer.toString(e.eventId()));
        g.writeStringProperty("provider", "Microsoft-Windows-Security-Auditing");
        g.writeEndObject();
        g.writeObjectPropertyStart("host");
        g.writeStringProperty("name", DemoScenario.DC);
        g.writeEndObject();
        g.writeObjectPropertyStart("winlog");
        g.writeStringProperty("channel", "Security");
        g.writeStringProperty("provider_name", "Microsoft-Windows-Security-Auditing");
        g.writeStringProperty("computer_name", DemoScenario.DC);
        g.writeStringProperty("event_id", Integer.toString(e.eventId()));
        g.writeNumberProperty("record_id", e.recordId());
        g.writeObjectPropertyStart("event_data");
        for (var field : e.data().entrySet()) {
            g.writeStringProperty(field.getKey(), field.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
