package io.vigil.ingest.json;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Turns a zone-less local record time into UTC for one source.
 *
 * <p>NXLog's {@code EventTime} (and the zone-less {@code TimeCreated} of some 2020 OTRF exports) is
 * the real record time in the collecting host's local zone, with no zone written. When the same
 * record also carries a UTC reading of (nearly) the same moment, the zone offset is
 * {@code round(local − utc)} to the nearest 15 minutes (all real zone offsets are multiples of 15
 * minutes, and the reference is the shipper's receive time, seconds later); the record time is then
 * {@code local − offset}. A record without a reference uses the last offset this source showed, and
 * UTC before any was seen. A shipping delay above 7.5 minutes would skew the derived offset by 15
 * minutes; offsets beyond ±14 hours are not zones, so then the
 * reference itself is the record time.
 */
final class LocalTimeResolver {

    private static final long QUARTER_HOUR = 15 * 60;
    private static final long MAX_OFFSET = 14 * 3600;

    private ZoneOffset lastOffset;

    /** @param utcReference a UTC reading of about the same moment, or null */
    Instant resolve(LocalDateTime local, Instant utcReference) {
        if (utcReference != null) {
            long difference = Duration.between(utcReference, local.toInstant(ZoneOffset.UTC)).getSeconds();
            long offset = Math.round(difference / (double) QUARTER_HOUR) * QUARTER_HOUR;
            if (Math.abs(offset) > MAX_OFFSET) {
                return utcReference;
            }
            lastOffset = ZoneOffset.ofTotalSeconds((int) offset);
        }
        return local.toInstant(lastOffset != null ? lastOffset : ZoneOffset.UTC);
    }

    /** Resolves a timestamp that may or may not name its zone. */
    Instant resolve(Timestamp time, Instant utcReference) {
        return time.zoned() ? time.instantAssumingUtc() : resolve(time.local(), utcReference);
    }
}
