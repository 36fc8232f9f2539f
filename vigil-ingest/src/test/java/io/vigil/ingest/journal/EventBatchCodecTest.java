package io.vigil.ingest.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.model.event.EventOrigin;
import io.vigil.model.event.WindowsEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBatchCodecTest {

    private static final Instant RECEIVED = Instant.parse("2024-05-01T10:15:30.123456789Z");

    @Test
    void roundTripsEveryFieldInOrder() {
        EventBatch batch = new EventBatch("http:10.0.0.5", RECEIVED, 1_000, List.of(
                event(1, "pgustavo", "0x17"), event(2, "Ünïcödé ☃ 𝄞", null)));

        List<byte[]> payloads = EventBatchCodec.encode(batch, 1 << 20);

        assertThat(payloads).hasSize(1);
        assertThat(EventBatchCodec.isEventBatch(payloads.get(0))).isTrue();
        EventBatch decoded = EventBatchCodec.decode(payloads.get(0));
        assertThat(decoded.source()).isEqualTo("http:10.0.0.5");
        assertThat(decoded.receivedAt()).isEqualTo(RECEIVED);
        assertThat(decoded.records()).isEqualTo(1_000);
        assertThat(decoded.events()).isEqualTo(batch.events());
        assertThat(decoded.events().get(0).data().keySet())
                .containsExactly("TargetUserName", "ServiceName", "TicketEncryptionType", "IpAddress");
    }

    @Test
    void repeatedTextsAreWrittenOnce() {
        List<WindowsEvent> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(event(i, "pgustavo", "0x17"));
        }
        int one = EventBatchCodec.encode(new EventBatch("s", RECEIVED, 1, many.subList(0, 1)), 1 << 20).get(0).length;
        int hundred = EventBatchCodec.encode(new EventBatch("s", RECEIVED, 100, many), 1 << 20).get(0).length;

        assertThat(hundred - one).isLessThan(99 * one / 2);
    }

    @Test
    void largeBatchesAreSplitUnderTheLimitAndKeepEveryEventInOrder() {
        List<WindowsEvent> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(event(i, "user" + i, "0x" + i));
        }
        List<byte[]> payloads = EventBatchCodec.encode(new EventBatch("s", RECEIVED, 700, many), 8 * 1024);

        assertThat(payloads).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.length).isLessThanOrEqualTo(8 * 1024));
        List<WindowsEvent> decoded = new ArrayList<>();
        long records = 0;
        for (byte[] payload : payloads) {
            EventBatch part = EventBatchCodec.decode(payload);
            decoded.addAll(part.events());
            records += part.records();
        }
        assertThat(decoded).isEqualTo(many);
        assertThat(records).isEqualTo(700);
    }

    @Test
    void anEventLargerThanAPayloadIsRefused() {
        WindowsEvent huge = event(1, "x".repeat(20_000), "0x17");

        assertThatThrownBy(() -> EventBatchCodec.encode(new EventBatch("s", RECEIVED, 1, List.of(huge)), 8 * 1024))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs more than 8192 bytes");
    }

    @Test
    void truncatedOrForeignPayloadsAreClearErrors() {
        byte[] encoded = EventBatchCodec.encode(new EventBatch("s", RECEIVED, 2,
                List.of(event(1, "a", "0x17"), event(2, "a", "0x12"))), 1 << 20).get(0);

        for (int cut = 0; cut < encoded.length; cut += 7) {
            byte[] truncated = Arrays.copyOf(encoded, cut);
            assertThatThrownBy(() -> EventBatchCodec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] raw = IngestBatchCodec.encode(new IngestBatch("s", "application/x-ndjson", RECEIVED, new byte[3]));
        assertThat(EventBatchCodec.isEventBatch(raw)).isFalse();
        assertThatThrownBy(() -> EventBatchCodec.decode(raw)).hasMessageContaining("format version 1");
    }

    private static WindowsEvent event(long recordId, String user, String encryption) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("TargetUserName", user);
        data.put("ServiceName", "MSSQLSvc");
        data.put("TicketEncryptionType", encryption);
        data.put("IpAddress", "::ffff:172.18.39.5");
        return new WindowsEvent("Microsoft-Windows-Security-Auditing", "Security", 4769, 0, "MORDORDC.theshire.local",
                Instant.parse("2020-09-21T18:13:37.5Z").plusSeconds(recordId), recordId, data,
                new EventOrigin("http:10.0.0.5", recordId));
    }
}
