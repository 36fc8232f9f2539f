package io.vigil.server.scan;

import io.vigil.detection.directory.StaticDirectory;
import io.vigil.detection.registry.DetectorRegistry;
import io.vigil.engine.embedded.EngineOptions;
import io.vigil.ingest.decode.DecodeError;
import io.vigil.model.alert.Alert;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A scan through the pipeline with every default detector, keeping errors for assertions. */
record ScanRun(ScanResult result, List<DecodeError> errors) {

    static ScanRun of(Path... paths) {
        List<DecodeError> errors = new ArrayList<>();
        ScanObserver observer = new ScanObserver() {
            @Override
            public synchronized void error(DecodeError error) {
                errors.add(error);
            }

            @Override
            public boolean showsProgress() {
                return false;
            }

            @Override
            public void progress(long bytesRead, long bytesTotal, long events) {
            }

            @Override
            public void done() {
            }
        };
        ScanPipeline pipeline = new ScanPipeline(DetectorRegistry.discover().create(Map.of()),
                StaticDirectory.empty(), EngineOptions.forRecordings());
        return new ScanRun(pipeline.run(List.of(paths), observer), errors);
    }

    List<String> alertTypes() {
        return result.alerts().stream().map(Alert::type).sorted().toList();
    }

    Alert only(String type) {
        List<Alert> matching = result.alerts().stream().filter(a -> a.type().equals(type)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + type + " alert, got " + alertTypes());
        }
        return matching.get(0);
    }
}
