package io.vigil.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.ingest.container.ContainerLimits;
import io.vigil.ingest.decode.EventFilter;
import io.vigil.ingest.json.JsonEventDecoder;
import io.vigil.ingest.testsupport.RecordingListener;
import io.vigil.ingest.xml.EventXmlDecoder;
import io.vigil.model.event.WindowsEvent;

class EventSourcesTest {

    private static final String EVENT = "{\"@timestamp\":\"2020-09-22T02:39:14.736Z\",\"EventID\":%d,\"Channel\":\"Security\","
            + "\"Hostname\":\"dc\",\"SourceName\":\"Microsoft-Windows-Security-Auditing\"}\n";
    private static final String XML_EVENT = "<Event><System><EventID>4624</EventID><TimeCreated SystemTime=\"2020-01-01T00:00:00Z\"/>"
            + "<Channel>Security</Channel></System></Event>";

    @TempDir
    Path dir;

    private final EventSources sources = EventSources.standard();

    @Test
    void walksFoldersRecursivelyInSortedOrderAndSkipsWhatIsNotAnEventLog() throws IOException {
        Files.createDirectories(dir.resolve("b/inner"));
        Files.writeString(dir.resolve("b/inner/z.json"), json(3));
        Files.writeString(dir.resolve("b/a.log"), json(2));
        Files.writeString(dir.resolve("a.xml"), XML_EVENT);
        Files.writeString(dir.resolve("c.yaml"), "title: not a log\n");
        Files.writeString(dir.resolve("d.json"), "");
        RecordingListener listener = new RecordingListener();

        WalkReport report = sources.walk(List.of(dir), EventFilter.ALL, listener);

        assertThat(report.sources()).extracting(s -> dir.relativize(Path.of(s.source())).toString().replace('\\', '/'))
                .containsExactly("a.xml", "b/a.log", "b/inner/z.json", "c.yaml", "d.json");
        assertThat(listener.events).extracting(WindowsEvent::eventId).containsExactly(4624, 2, 3);
        assertThat(report.filesRead()).isEqualTo(3);
        assertThat(report.filesSkipped()).isEqualTo(2);
        assertThat(report.events()).isEqualTo(3);
        assertThat(report.errors()).isEqualTo(2);
        assertThat(listener.errors).extracting(e -> e.message())
                .containsExactly("not an event log (unrecognised format)", "empty, no events");
        assertThat(report.sources().get(1).format()).isEqualTo("json-lines");
        assertThat(report.sources().get(1).bytes()).isEqualTo(json(2).length());
    }

    @Test
    void unwrapsNestedZipTarAndGzipNamingEntriesAfterTheirContainers() throws IOException {
        byte[] innerZip = zip(Map.of("deep.json", json(7).getBytes(StandardCharsets.UTF_8)));
        byte[] tarGz = gzip(tar(Map.of("logs/t.json", json(5).getBytes(StandardCharsets.UTF_8),
                "logs/._t.json", new byte[] {0, 5, 22, 7})));
        byte[] outer = zip(Map.of(
                "a.json", json(1).getBytes(StandardCharsets.UTF_8),
                "__MACOSX/._a.json", new byte[] {0, 5, 22, 7},
                "b.tar.gz", tarGz,
                "c.zip", innerZip,
                "d.xml.gz", gzip(XML_EVENT.getBytes(StandardCharsets.UTF_8))));
        Path file = dir.resolve("outer.zip");
        Files.write(file, outer);
        RecordingListener listener = new RecordingListener();

        WalkReport report = sources.walk(List.of(file), EventFilter.ALL, listener);

        assertThat(listener.errors).isEmpty();
        assertThat(report.sources()).extracting(s -> s.source().substring(file.toString().length()))
                .containsExactly("!a.json", "!b.tar.gz!logs/t.json", "!c.zip!deep.json", "!d.xml.gz");
        assertThat(listener.events).extracting(WindowsEvent::eventId).containsExactly(1, 5, 7, 4624);
        assertThat(listener.events.get(1).origin().source()).isEqualTo(file + "!b.tar.gz!logs/t.json");
    }

    @Test
    void zipBombIsStoppedAtTheExpansionLimit() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        big[0] = '{';
        byte[] bomb = zip(Map.of("bomb.json", big, "z-after.json", json(9).getBytes(StandardCharsets.UTF_8)));
        EventSources limited = EventSources.standard(new ContainerLimits(1024 * 1024, 4));
        RecordingListener listener = new RecordingListener();

        WalkReport report = limited.read("bomb.zip", new ByteArrayInputStream(bomb), EventFilter.ALL, listener);

        assertThat(listener.errors).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("bomb.zip!bomb.json");
            assertThat(e.message()).contains("more than 1048576 bytes");
        });
        assertThat(report.errors()).isEqualTo(1);
    }

    @Test
    void nestingDeeperThanTheLimitIsNotOpened() throws IOException {
        byte[] nested = json(1).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            nested = gzip(nested);
        }
        RecordingListener listener = new RecordingListener();

        EventSources.standard(new ContainerLimits(1 << 20, 2))
                .read("x.gz", new ByteArrayInputStream(nested), EventFilter.ALL, listener);

        assertThat(listener.events).isEmpty();
        assertThat(listener.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("nested deeper than 2"));
    }

    @Test
    void evtxWithoutItsDecoderIsAnErrorNotACrash() throws IOException {
        EventSources withoutEvtx = new EventSources(
                Map.of("json-lines", new JsonEventDecoder(), "event-xml", new EventXmlDecoder()), ContainerLimits.DEFAULT);
        Path evtx = dir.resolve("x.bin");
        Files.write(evtx, new byte[] {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0, 0, 0});
        RecordingListener listener = new RecordingListener();

        WalkReport report = withoutEvtx.walk(List.of(evtx), EventFilter.ALL, listener);

        assertThat(report.filesSkipped()).isEqualTo(1);
        assertThat(listener.errors).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("EVTX decoder not available"));
    }

    @Test
    void standardSetFindsTheEvtxDecoderWhenItIsOnTheClassPath() {
        boolean present = io.vigil.ingest.source.DecoderCatalog.instantiate(DecoderCatalog.EVTX_DECODER) != null;

        assertThat(sources.formats().contains("evtx")).isEqualTo(present);
        assertThat(sources.formats()).contains("json-lines", "event-xml");
    }

    @Test
    void missingFileAndCorruptArchiveAreReportedAndTheWalkGoesOn() throws IOException {
        byte[] corrupt = zip(Map.of("a.json", json(1).getBytes(StandardCharsets.UTF_8)));
        Files.write(dir.resolve("bad.zip"), java.util.Arrays.copyOf(corrupt, 40));
        Files.writeString(dir.resolve("good.json"), json(2));
        RecordingListener listener = new RecordingListener();

        WalkReport report = sources.walk(List.of(dir.resolve("missing.json"), dir), EventFilter.ALL, listener);

        assertThat(listener.events).extracting(WindowsEvent::eventId).containsExactly(2);
        assertThat(listener.errors).hasSize(2);
        assertThat(listener.errors.get(0).source()).endsWith("missing.json");
        assertThat(listener.errors.get(0).message()).startsWith("cannot read");
        assertThat(listener.errors.get(1).source()).contains("bad.zip");
        assertThat(report.filesRead()).isEqualTo(1);
        assertThat(report.filesSkipped()).isEqualTo(2);
    }

    @Test
    void binaryFileIsUnrecognised() throws IOException {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[0] = 7;
        Files.write(dir.resolve("random.json"), binary);
        RecordingListener listener = new RecordingListener();

        WalkReport report = sources.walk(List.of(dir), EventFilter.ALL, listener);

        assertThat(report.filesSkipped()).isEqualTo(1);
        assertThat(listener.errors).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("not an event log (unrecognised format)"));
    }

    private static String json(int eventId) {
        return String.format(EVENT, eventId);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : new java.util.TreeMap<>(entries).keySet()) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(entries.get(name));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }

    /** A ustar archive, entries in name order. */
    static byte[] tar(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : new java.util.TreeMap<>(entries).keySet()) {
            byte[] body = entries.get(name);
            byte[] header = new byte[512];
            put(header, 0, name);
            put(header, 100, "0000644");
            put(header, 108, "0000000");
            put(header, 116, "0000000");
            put(header, 124, String.format("%011o", body.length));
            put(header, 136, "00000000000");
            header[156] = '0';
            put(header, 257, "ustar");
            put(header, 263, "00");
            java.util.Arrays.fill(header, 148, 156, (byte) ' ');
            int sum = 0;
            for (byte b : header) {
                sum += b & 0xFF;
            }
            put(header, 148, String.format("%06o", sum));
            header[154] = 0;
            out.writeBytes(header);
            out.writeBytes(body);
            out.writeBytes(new byte[(512 - body.length % 512) % 512]);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
