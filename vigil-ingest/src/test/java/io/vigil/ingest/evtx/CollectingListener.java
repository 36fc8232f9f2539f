package io.vigil.ingest.evtx;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.model.event.WindowsEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a decoder delivers, in order. */
final class CollectingListener implements DecodeListener {

    final List<WindowsEvent> events = new ArrayList<>();
    final List<DecodeError> errors = new ArrayList<>();

    @Override
    public void onEvent(WindowsEvent event) {
        events.add(event);
    }

    @Override
    public void onError(DecodeError error) {
        errors.add(error);
    }

    static CollectingListener decode(EvtxDecoder decoder, String source, byte[] bytes) {
        return decode(decoder, source, bytes, EventFilter.ALL);
    }

    static CollectingListener decode(EvtxDecoder decoder, String source, byte[] bytes, EventFilter filter) {
        CollectingListener listener = new CollectingListener();
        try {
            decoder.decode(source, new ByteArrayInputStream(bytes), filter, listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return listener;
    }
}
