package io.vigil.integrations.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdTimeTest {

    @Test
    void fileTimeCountsHundredNanosecondsSince1601() {
        assertThat(AdTime.fromFileTime("116444736000000000")).isEqualTo(Instant.EPOCH);
        assertThat(AdTime.fromFileTime("134118138000000001")).isEqualTo(Instant.parse("2026-01-02T07:50:00.0000001Z"));
    }

    @Test
    void zeroAndTheMaximumMeanNever() {
        assertThat(AdTime.fromFileTime("0")).isNull();
        assertThat(AdTime.fromFileTime("9223372036854775807")).isNull();
    }

    @Test
    void malformedFileTimesAreRejected() {
        assertThatThrownBy(() -> AdTime.fromFileTime("yesterday")).hasMessageContaining("'yesterday'");
        assertThatThrownBy(() -> AdTime.fromFileTime("-5")).hasMessageContaining("negative");
    }

    @Test
    void generalizedTimeWithAndWithoutFraction() {
        assertThat(AdTime.fromGeneralizedTime("20260105093000.0Z")).isEqualTo(Instant.parse("2026-01-05T09:30:00Z"));
        assertThat(AdTime.fromGeneralizedTime("20260105093000Z")).isEqualTo(Instant.parse("2026-01-05T09:30:00Z"));
        assertThat(AdTime.fromGeneralizedTime("20260105093000.25Z"))
                .isEqualTo(Instant.parse("2026-01-05T09:30:00.25Z"));
    }

    @Test
    void generalizedTimeWithoutZoneOrWithGarbageIsRejected() {
        assertThatThrownBy(() -> AdTime.fromGeneralizedTime("20260105093000.0")).hasMessageContaining("UTC");
        assertThatThrownBy(() -> AdTime.fromGeneralizedTime("2026010509300x.0Z"))
                .hasMessageContaining("not a GeneralizedTime");
        assertThatThrownBy(() -> AdTime.fromGeneralizedTime("20260105093000.xZ")).hasMessageContaining("fraction");
    }
}
