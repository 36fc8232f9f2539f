package io.vigil.detection.spi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Alert ids derived from detector id, key and window start, so a replay or a retry of the same
 * events yields the same id and never a duplicate alert.
 */
public final class AlertIds {

    private AlertIds() {
    }

    public static String of(String detectorId, String key, Instant windowStart) {
        String name = detectorId + '\u0000' + key + '\u0000' + windowStart.toEpochMilli();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
