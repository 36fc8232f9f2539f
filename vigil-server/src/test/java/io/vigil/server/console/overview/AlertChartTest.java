package io.vigil.server.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertChartTest {

    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void barsStackSeveritiesWorstAtTheBottomScaledToARoundMaximum() {
        AlertChart chart = AlertChart.of(List.of(DAY, DAY.plus(Duration.ofDays(1))),
                List.of(Map.of(Severity.HIGH, 3L, Severity.LOW, 4L), Map.of()), Instant::toString);

        assertThat(chart.scale()).isEqualTo(10);
        assertThat(chart.total()).isEqualTo(7);
        AlertChart.Day first = chart.days().get(0);
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.segments()).extracting(AlertChart.Segment::severity).containsExactly("high", "low");
        AlertChart.Segment high = first.segments().get(0);
        AlertChart.Segment low = first.segments().get(1);
        int plot = chart.plotBottom() - chart.plotTop();
        assertThat(high.height()).isEqualTo(Math.round(3f * plot / 10));
        assertThat(high.y() + high.height()).isEqualTo(chart.plotBottom());
        assertThat(low.y() + low.height()).isEqualTo(high.y());
        assertThat(chart.days().get(1).segments()).isEmpty();
        // the last day is always labelled
        assertThat(chart.days().get(1).label()).isEqualTo(DAY.plus(Duration.ofDays(1)).toString());
    }

    @Test
    void gridLinesFallOnRoundNumbers() {
        assertThat(AlertChart.niceCeiling(0)).isEqualTo(2);
        assertThat(AlertChart.niceCeiling(3)).isEqualTo(5);
        assertThat(AlertChart.niceCeiling(11)).isEqualTo(20);
        assertThat(AlertChart.niceCeiling(51)).isEqualTo(100);
        assertThat(AlertChart.niceCeiling(100_001)).isEqualTo(200_000);
    }
}
