package io.vigil.server.console.overview;

import io.vigil.model.alert.Severity;
import io.vigil.server.api.ApiValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Alerts per day as stacked bars, laid out for an SVG: worst severity at the bottom. Coordinates are
 * computed here so the template only prints numbers and escaped labels.
 *
 * @param scale the count the top grid line stands for
 */
public record AlertChart(int width, int height, List<Day> days, int scale, int plotTop, int plotBottom, int plotLeft,
                         long total) {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 200;
    private static final int LEFT = 34;
    private static final int TOP = 10;
    private static final int BOTTOM = 170;
    private static final int GAP = 6;

    /** One day's bar: its segments, and the label under it (every other day, to fit). */
    public record Day(String label, int labelX, long total, List<Segment> segments) {
    }

    /** @param severity an API name, which picks the segment's class */
    public record Segment(String severity, int x, int y, int width, int height, long count) {
    }

    /**
     * @param starts each day's start, oldest first
     * @param counts each day's alerts by severity, in the same order
     * @param label  how a day is labelled
     */
    static AlertChart of(List<Instant> starts, List<Map<Severity, Long>> counts, Function<Instant, String> label) {
        long max = counts.stream().mapToLong(c -> c.values().stream().mapToLong(Long::longValue).sum()).max().orElse(0);
        int scale = niceCeiling(max);
        int slot = (WIDTH - LEFT) / Math.max(1, starts.size());
        int barWidth = Math.max(2, slot - GAP);
        List<Day> days = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < starts.size(); i++) {
            int x = LEFT + i * slot + GAP / 2;
            int y = BOTTOM;
            List<Segment> segments = new ArrayList<>();
            long dayTotal = 0;
            for (int s = Severity.values().length - 1; s >= 0; s--) {
                Severity severity = Severity.values()[s];
                long count = counts.get(i).getOrDefault(severity, 0L);
                if (count == 0) {
                    continue;
                }
                int h = Math.max(1, (int) Math.round((double) count * (BOTTOM - TOP) / scale));
                y -= h;
                segments.add(new Segment(ApiValues.name(severity), x, y, barWidth, h, count));
                dayTotal += count;
            }
            total += dayTotal;
            days.add(new Day(i % 2 == starts.size() % 2 ? "" : label.apply(starts.get(i)), x + barWidth / 2, dayTotal, segments));
        }
        return new AlertChart(WIDTH, HEIGHT, days, scale, TOP, BOTTOM, LEFT, total);
    }

    /** The middle grid line's value. */
    public int half() {
        return scale / 2;
    }

    public int middle() {
        return (plotTop + plotBottom) / 2;
    }

    /** 1, 2, 5, 10, 20, 50 … at or above the value, so grid lines fall on round numbers. */
    static int niceCeiling(long value) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (step * m >= value && step * m >= 2) {
                    return (int) Math.min(Integer.MAX_VALUE, step * m);
                }
            }
            step *= 10;
        }
    }
}
