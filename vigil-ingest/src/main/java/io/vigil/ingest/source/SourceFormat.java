package io.vigil.ingest.source;

import io.vigil.ingest.json.JsonEventDecoder;
import io.vigil.ingest.xml.EventXmlDecoder;

/** What a source's first bytes say it is. */
public enum SourceFormat {

    EVTX("evtx"),
    EVENT_XML(EventXmlDecoder.FORMAT),
    JSON(JsonEventDecoder.FORMAT),
    ZIP("zip"),
    GZIP("gzip"),
    TAR("tar"),
    EMPTY("empty"),
    UNKNOWN("unknown");

    private final String formatName;

    SourceFormat(String formatName) {
        this.formatName = formatName;
    }

    /** The name of the {@link io.vigil.ingest.decode.EventDecoder#format()} that reads it, or of the container. */
    public String formatName() {
        return formatName;
    }

    public boolean isContainer() {
        return this == ZIP || this == GZIP || this == TAR;
    }

    public boolean isEventLog() {
        return this == EVTX || this == EVENT_XML || this == JSON;
    }
}
