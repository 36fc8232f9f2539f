package io.vigil.ingest.evtx;

import io.vigil.ingest.testsupport.RecordingListener;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingest.decode.EventFilter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every EVTX file of the shared corpus decodes without errors, with the record count libevtx finds. */
class EvtxCorpusTest {

    private final EvtxDecoder sequential = new EvtxDecoder(EvtxOptions.singleThreaded());
    private final EvtxDecoder parallel = new EvtxDecoder(EvtxOptions.defaults().withParallelism(4));

    @Test
    void everyFileDecodesWithoutErrorsAndWithLibevtxRecordCounts() throws IOException {
        Map<String, Integer> expected = expectedCounts(1);
        List<Path> files = Corpus.evtxFiles();
        assertThat(files).hasSize(expected.size());
        long records = 0;
        for (Path file : files) {
            String name = Corpus.relative(file);
            RecordingListener result = RecordingListener.decode(sequential, name, Files.readAllBytes(file));
            assertThat(result.errors).as(name).isEmpty();
            assertThat(result.events).as(name).hasSize(expected.get(name));
            records += result.events.size();
        }
        assertThat(records).isEqualTo(16_791);
    }

    @Test
    void parallelDecodingGivesTheSameEventsInTheSameOrder() throws IOException {
        for (Path file : Corpus.evtxFiles()) {
            byte[] bytes = Files.readAllBytes(file);
            String name = Corpus.relative(file);
            assertThat(RecordingListener.decode(parallel, name, bytes).events).as(name)
                    .isEqualTo(RecordingListener.decode(sequential, name, bytes).events);
        }
    }

    @Test
    void slackRecoveryFindsAtLeastTheRecordsLibevtxRecovers() throws IOException {
        Map<String, Integer> recovered = expectedCounts(2);
        Map<String, Integer> allocated = expectedCounts(1);
        EvtxDecoder withSlack = new EvtxDecoder(EvtxOptions.singleThreaded().withSlackRecovery(true));
        for (Path file : Corpus.evtxFiles()) {
            String name = Corpus.relative(file);
            RecordingListener result = RecordingListener.decode(withSlack, name, Files.readAllBytes(file));
            assertThat(result.errors).as(name).isEmpty();
            assertThat(result.events.size() - allocated.get(name)).as(name).isGreaterThanOrEqualTo(recovered.get(name));
        }
    }

    @Test
    void filterSkipsUnwantedEvents() throws IOException {
        Path file = Corpus.root().resolve("evtx-attack-samples/Credential Access/CA_DCSync_4662.evtx");
        byte[] bytes = Files.readAllBytes(file);
        RecordingListener all = RecordingListener.decode(sequential, "dcsync", bytes);
        RecordingListener only4662 = RecordingListener.decode(sequential, "dcsync", bytes,
                EventFilter.channelEventIds("SECURITY", Set.of(4662)));
        assertThat(only4662.events).isNotEmpty()
                .allSatisfy(e -> assertThat(e.eventId()).isEqualTo(4662))
                .isEqualTo(all.events.stream().filter(e -> e.eventId() == 4662).toList());
    }

    /** Column {@code column} (1: allocated records, 2: records in slack) of record-counts.tsv by file. */
    static Map<String, Integer> expectedCounts(int column) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (InputStream in = EvtxCorpusTest.class.getResourceAsStream("record-counts.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t");
                    counts.put(cells[0], Integer.parseInt(cells[column]));
                }
            }
        }
        return counts;
    }
}
