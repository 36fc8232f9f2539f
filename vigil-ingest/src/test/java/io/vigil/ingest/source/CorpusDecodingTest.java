package io.vigil.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.testsupport.Corpus;
import io.vigil.ingest.testsupport.RecordingListener;
import io.vigil.model.event.WindowsEvent;

/** Every JSON archive of OTRF Security-Datasets and every Sigma regression JSON decodes without errors. */
class CorpusDecodingTest {

    private final EventSources sources = EventSources.standard();

    @Test
    void purplesharpPlaybookDecodesEveryLine() {
        Path zip = Corpus.file("security-datasets/datasets/atomic/windows/lateral_movement/host/purplesharp_ad_playbook_I.zip");
        CountingListener listener = new CountingListener();

        WalkReport report = sources.walk(List.of(zip), EventFilter.ALL, listener);

        assertThat(listener.errors).isEmpty();
        assertThat(report.events()).isEqualTo(25_993);
        assertThat(report.sources()).singleElement().satisfies(s -> {
            assertThat(s.source()).endsWith("purplesharp_ad_playbook_I.zip!purplesharp_ad_playbook_I_2020-10-22042947.json");
            assertThat(s.format()).isEqualTo("json-lines");
            assertThat(s.bytes()).isEqualTo(39_654_430);
        });
    }

    @Test
    void everySecurityDatasetsArchiveDecodesWithoutErrors() throws IOException {
        List<Path> archives;
        try (Stream<Path> files = Files.walk(Corpus.root().resolve("security-datasets"))) {
            archives = files.filter(p -> p.toString().endsWith(".zip") || p.toString().endsWith(".tar.gz"))
                    .sorted().collect(Collectors.toList());
        }
        assertThat(archives).hasSizeGreaterThan(100);
        CountingListener listener = new CountingListener();

        WalkReport report = sources.walk(archives, EventFilter.ALL, listener);

        assertThat(listener.errors).isEmpty();
        assertThat(report.filesSkipped()).isZero();
        assertThat(report.sources()).allSatisfy(s -> assertThat(s.events()).as(s.source()).isPositive());
        assertThat(report.events()).isEqualTo(listener.events);
        assertThat(listener.withoutComputer).isZero();
    }

    @Test
    void everySigmaRegressionJsonDecodesWithoutErrors() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Corpus.root().resolve("sigma/regression_data"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThan(150);
        RecordingListener listener = new RecordingListener();

        WalkReport report = sources.walk(files, EventFilter.ALL, listener);

        assertThat(listener.errors).isEmpty();
        assertThat(report.filesRead()).isEqualTo(files.size());
        assertThat(report.sources()).allSatisfy(s -> assertThat(s.events()).as(s.source()).isPositive());
        assertThat(listener.events).allSatisfy(e -> {
            assertThat(e.provider()).isNotEmpty();
            assertThat(e.channel()).isNotEmpty();
            assertThat(e.recordId()).isNotNegative();
        });
    }

    /** Counts without keeping 600K events in memory. */
    private static final class CountingListener implements io.vigil.ingest.decode.DecodeListener {
        final List<io.vigil.ingest.decode.DecodeError> errors = new java.util.ArrayList<>();
        long events;
        long withoutComputer;

        @Override
        public void onEvent(WindowsEvent event) {
            events++;
            if (event.computer().isEmpty()) {
                withoutComputer++;
            }
        }

        @Override
        public void onError(io.vigil.ingest.decode.DecodeError error) {
            if (errors.size() < 20) {
                errors.add(error);
            }
        }
    }
}
