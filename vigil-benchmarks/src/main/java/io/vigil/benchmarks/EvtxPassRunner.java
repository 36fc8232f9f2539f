package io.vigil.benchmarks;

import io.vigil.ingest.evtx.EvtxDecoder;
import io.vigil.ingest.evtx.EvtxOptions;
import java.util.List;
import java.util.function.Function;

/**
 * One single-threaded pass over in-memory EVTX files, loaded by {@link EvtxReaderComparison} once per
 * reader version in a class loader of its own; only JDK types cross between the loaders.
 */
public final class EvtxPassRunner implements Function<List<byte[]>, Long> {

    private final EvtxDecoder decoder = new EvtxDecoder(EvtxOptions.singleThreaded());
    private List<EvtxCorpus.EvtxFile> files;

    @Override
    public Long apply(List<byte[]> contents) {
        if (files == null) {
            files = contents.stream().map(bytes -> new EvtxCorpus.EvtxFile(null, "benchmark.evtx", bytes)).toList();
        }
        return EvtxPass.run(decoder, files).records();
    }
}
