package io.vigil.ingest.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipInputStream;

import io.vigil.ingest.decode.DecodeError;
import io.vigil.ingest.decode.DecodeListener;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.source.EventSources;
import io.vigil.model.event.WindowsEvent;

/**
 * Single-thread throughput of the JSON path on the OTRF purplesharp playbook, with the identity
 * filter: lines per second (every line of the file counts as an event read). Not a test: run with
 * {@code java -cp … io.vigil.ingest.json.JsonThroughputMain /path/to/purplesharp_ad_playbook_I.zip}.
 */
public final class JsonThroughputMain {

    static final Set<Integer> IDENTITY_IDS = Set.of(4624, 4625, 4648, 4662, 4672, 4720, 4722, 4723, 4724, 4725, 4726,
            4728, 4729, 4732, 4733, 4738, 4741, 4742, 4743, 4756, 4757, 4765, 4766, 4768, 4769, 4771, 4776, 4781, 4794,
            5136, 5137, 7045, 4697, 8004);

    private static final int LINES = 25_993;

    public static void main(String[] args) throws IOException {
        Path zip = Path.of(args[0]);
        byte[] json;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            in.getNextEntry();
            json = in.readAllBytes();
        }
        EventFilter filter = EventFilter.eventIds(IDENTITY_IDS);
        JsonEventDecoder decoder = new JsonEventDecoder();
        EventSources sources = EventSources.standard();
        for (int round = 0; round < 15; round++) {
            Counter fromMemory = new Counter();
            long t0 = System.nanoTime();
            decoder.decode("bench", new ByteArrayInputStream(json), filter, fromMemory);
            long t1 = System.nanoTime();
            Counter fromZip = new Counter();
            sources.walk(List.of(zip), filter, fromZip);
            long t2 = System.nanoTime();
            Counter all = new Counter();
            decoder.decode("bench", new ByteArrayInputStream(json), EventFilter.ALL, all);
            long t3 = System.nanoTime();
            System.out.printf("decoded bytes, filtered: %,.0f lines/s (%d events kept) | zip end-to-end, filtered: %,.0f lines/s | "
                    + "decoded bytes, ALL: %,.0f lines/s (%d events)%n",
                    LINES / ((t1 - t0) / 1e9), fromMemory.events, LINES / ((t2 - t1) / 1e9),
                    LINES / ((t3 - t2) / 1e9), all.events);
        }
    }

    private static final class Counter implements DecodeListener {
        long events;

        @Override
        public void onEvent(WindowsEvent event) {
            events++;
        }

        @Override
        public void onError(DecodeError error) {
            throw new IllegalStateException(error.toString());
        }
    }
}
