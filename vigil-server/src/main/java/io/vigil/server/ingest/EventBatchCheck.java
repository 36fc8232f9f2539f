package io.vigil.server.ingest;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.CountingFilter;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.normalize.IdentityNormalizer;
import io.vigil.ingest.source.EventSources;
import io.vigil.ingest.source.WalkReport;
import io.vigil.model.event.WindowsEvent;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a received batch once, before it is acknowledged, so a malformed batch is refused with its
 * errors (line and reason) instead of reaching the journal and the engine. The events detectors read
 * are parsed and checked in full and kept, for the journal; the others are counted and checked for
 * their framing only. Nothing is decoded a second time.
 */
public final class EventBatchCheck {

    public static final int MAX_REPORTED_ERRORS = 20;

    /**
     * @param events   records the batch holds
     * @param detected the events detectors read, decoded; what the journal keeps
     */
    public record Result(long events, long errors, List<String> firstErrors, List<WindowsEvent> detected) {
        public boolean valid() {
            return errors == 0 && events > 0;
        }
    }

    /** The events detectors read: those the check builds and the journal keeps. */
    public static final EventFilter DETECTED = new IdentityNormalizer().filter();

    private final EventSources sources;

    EventBatchCheck(EventSources sources) {
        this.sources = sources;
    }

    Result check(String name, byte[] body) {
        List<String> reported = new ArrayList<>();
        List<WindowsEvent> detected = new ArrayList<>();
        CountingFilter records = new CountingFilter(DETECTED);
        WalkReport report = sources.read(name, new ByteArrayInputStream(body), records, new DecodeListener() {
            @Override
            public void onEvent(WindowsEvent event) {
                detected.add(event);
            }

            @Override
            public void onError(DecodeError error) {
                if (reported.size() < MAX_REPORTED_ERRORS) {
                    reported.add(error.position() < 0 ? error.message()
                            : error.unit() + " " + error.position() + ": " + error.message());
                }
            }
        });
        return new Result(records.records(), report.errors(), reported, detected);
    }
}
