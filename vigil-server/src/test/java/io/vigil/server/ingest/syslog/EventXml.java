package io.vigil.server.ingest.syslog;

import io.vigil.model.event.WindowsEvent;
import java.util.Map;

/** Renders a decoded event as Windows event XML on one line, as a forwarder of event XML would send it. */
final class EventXml {

    private EventXml() {
    }

    static String of(WindowsEvent event) {
        StringBuilder xml = new StringBuilder(1024)
                .append("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>")
                .append("<Provider Name=\"").append(escape(event.provider())).append("\"/>")
                .append("<EventID>").append(event.eventId()).append("</EventID>")
                .append("<Version>").append(event.version()).append("</Version>")
                .append("<TimeCreated SystemTime=\"").append(event.time()).append("\"/>")
                .append("<EventRecordID>").append(event.recordId()).append("</EventRecordID>")
                .append("<Channel>").append(escape(event.channel())).append("</Channel>")
                .append("<Computer>").append(escape(event.computer())).append("</Computer>")
                .append("</System><EventData>");
        for (Map.Entry<String, String> field : event.data().entrySet()) {
            xml.append("<Data Name=\"").append(escape(field.getKey())).append("\">")
                    .append(escape(field.getValue())).append("</Data>");
        }
        return xml.append("</EventData></Event>").toString();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (c >= 0x20) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
