package io.vigil.ingest.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IngestBatchCodecTest {

    private final IngestBatch batch = new IngestBatch("syslog-tcp:dc01.corp.example", "application/x-ndjson",
            Instant.parse("2024-05-01T10:15:30.123456789Z"),
            "{\"EventID\":4625}\n{\"EventID\":4624}\n".getBytes(StandardCharsets.UTF_8));

    @Test
    void roundTrips() {
        IngestBatch decoded = IngestBatchCodec.decode(IngestBatchCodec.encode(batch));

        assertThat(decoded.source()).isEqualTo(batch.source());
        assertThat(decoded.contentType()).isEqualTo(batch.contentType());
        assertThat(decoded.receivedAt()).isEqualTo(batch.receivedAt());
        assertThat(decoded.content()).isEqualTo(batch.content());
    }

    @Test
    void truncatedOrForeignPayloadsAreClearErrors() {
        byte[] encoded = IngestBatchCodec.encode(batch);

        for (int cut : new int[] {0, 1, 3, 20, encoded.length - 1}) {
            assertThatThrownBy(() -> IngestBatchCodec.decode(Arrays.copyOf(encoded, cut)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] otherVersion = encoded.clone();
        otherVersion[0] = 9;
        assertThatThrownBy(() -> IngestBatchCodec.decode(otherVersion))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 9");
    }
}
