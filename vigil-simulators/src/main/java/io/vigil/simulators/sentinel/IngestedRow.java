package io.vigil.simulators.sentinel;

import java.time.Instant;
import java.util.Map;

/** A row the stand-in stored, as the workspace table would hold it, with when it arrived. */
public record IngestedRow(String stream, Map<String, Object> columns, Instant ingestedAt) {

    public Object get(String column) {
        return columns.get(column);
    }
}
