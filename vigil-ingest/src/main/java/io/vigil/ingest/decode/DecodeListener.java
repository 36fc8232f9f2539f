package io.vigil.ingest.decode;

import io.vigil.model.event.WindowsEvent;

/** Receives what a decoder produces, in source order. */
public interface DecodeListener {

    void onEvent(WindowsEvent event);

    void onError(DecodeError error);
}
