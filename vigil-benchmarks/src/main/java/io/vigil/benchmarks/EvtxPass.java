package io.vigil.benchmarks;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.evtx.EvtxDecoder;
import io.vigil.model.event.WindowsEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Decodes a list of in-memory EVTX files with one decoder and counts what comes out. */
final class EvtxPass implements DecodeListener {

    private long records;
    private long errors;
    private long fields;

    static EvtxPass run(EvtxDecoder decoder, List<EvtxCorpus.EvtxFile> files) {
        EvtxPass pass = new EvtxPass();
        for (EvtxCorpus.EvtxFile file : files) {
            try {
                decoder.decode(file.name(), new ByteArrayInputStream(file.bytes()), EventFilter.ALL, pass);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pass;
    }

    long records() {
        return records;
    }

    long errors() {
        return errors;
    }

    /** Fields seen, so that no part of an event is dead to the JIT. */
    long fields() {
        return fields;
    }

    void add(EvtxPass other) {
        records += other.records;
        errors += other.errors;
        fields += other.fields;
    }

    @Override
    public void onEvent(WindowsEvent event) {
        records++;
        fields += event.data().size();
    }

    @Override
    public void onError(DecodeError error) {
        errors++;
    }
}
