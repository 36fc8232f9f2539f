package io.vigil.ingest.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventDecoder;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.model.event.WindowsEvent;

/** Keeps what a decoder produced, for assertions. */
public final class RecordingListener implements DecodeListener {

    public final List<WindowsEvent> events = new ArrayList<>();
    public final List<DecodeError> errors = new ArrayList<>();

    @Override
    public void onEvent(WindowsEvent event) {
        events.add(event);
    }

    @Override
    public void onError(DecodeError error) {
        errors.add(error);
    }

    public static RecordingListener decode(EventDecoder decoder, String text) {
        return decode(decoder, text.getBytes(StandardCharsets.UTF_8), EventFilter.ALL);
    }

    public static RecordingListener decode(EventDecoder decoder, byte[] bytes, EventFilter filter) {
        return decode(decoder, "test", bytes, filter);
    }

    public static RecordingListener decode(EventDecoder decoder, String source, byte[] bytes) {
        return decode(decoder, source, bytes, EventFilter.ALL);
    }

    public static RecordingListener decode(EventDecoder decoder, String source, byte[] bytes, EventFilter filter) {
        RecordingListener listener = new RecordingListener();
        try {
            decoder.decode(source, new ByteArrayInputStream(bytes), filter, listener);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return listener;
    }
}
