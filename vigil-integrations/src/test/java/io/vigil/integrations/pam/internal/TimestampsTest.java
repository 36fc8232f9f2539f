package io.vigil.integrations.pam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final Instant AT = Instant.parse("2024-05-01T10:15:30Z");

    @Test
    void readsEveryVendorsSpelling() {
        assertThat(Timestamps.parse("1714558530")).as("CyberArk Unix seconds").isEqualTo(AT);
        assertThat(Timestamps.parse("1714558530000")).as("milliseconds").isEqualTo(AT);
        assertThat(Timestamps.parse("2024-05-01T10:15:30")).as("BeyondTrust, no zone: UTC").isEqualTo(AT);
        assertThat(Timestamps.parse("2024-05-01T10:15:30Z")).isEqualTo(AT);
        assertThat(Timestamps.parse("2024-05-01T12:15:30+02:00")).isEqualTo(AT);
        assertThat(Timestamps.parse("/Date(1714558530000)/")).isEqualTo(AT);
    }

    @Test
    void absentZeroAndUnreadableAreNull() {
        assertThat(Timestamps.parse(null)).isNull();
        assertThat(Timestamps.parse("")).isNull();
        assertThat(Timestamps.parse("0")).isNull();
        assertThat(Timestamps.parse("yesterday")).isNull();
    }
}
