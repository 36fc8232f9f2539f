package io.vigil.server.ingest;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.source.EventSources;
import io.vigil.ingest.source.WalkReport;
import io.vigil.model.event.WindowsEvent;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a received batch once before it is acknowledged, so a malformed batch is refused with its
 * errors (line and reason) instead of reaching the journal and the engine.
 */
public final class EventBatchCheck {

    public static final int MAX_REPORTED_ERRORS = 20;

    public record Result(long events, long errors, List<String> firstErrors) {
        public boolean valid() {
            return errors == 0 && events > 0;
        }
    }

    private final EventSources sources;

    EventBatchCheck(EventSources sources) {
        this.sources = sources;
    }

    Result check(String name, byte[] body) {
        List<String> reported = new ArrayList<>();
        long[] events = {0};
        WalkReport report = sources.read(name, new ByteArrayInputStream(body), EventFilter.ALL, new DecodeListener() {
            @Override
            public void onEvent(WindowsEvent event) {
                events[0]++;
            }

            @Override
            public void onError(DecodeError error) {
                if (reported.size() < MAX_REPORTED_ERRORS) {
                    reported.add(error.position() < 0 ? error.message()
                            : error.unit() + " " + error.position() + ": " + error.message());
                }
            }
        });
        return new Result(events[0], report.errors(), reported);
    }
}
