package io.vigil.ingest.evtx;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.model.event.WindowsEvent;
import java.util.ArrayList;
import java.util.List;

/** What one chunk gave, events and errors in record order, kept until it is the chunk's turn to emit. */
final class ChunkResult {

    private final List<Object> items = new ArrayList<>();

    void add(WindowsEvent event) {
        items.add(event);
    }

    void add(DecodeError error) {
        items.add(error);
    }

    void emitTo(DecodeListener listener) {
        for (Object item : items) {
            if (item instanceof WindowsEvent event) {
                listener.onEvent(event);
            } else {
                listener.onError((DecodeError) item);
            }
        }
    }
}
