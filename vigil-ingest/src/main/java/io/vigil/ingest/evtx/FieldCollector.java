package io.vigil.ingest.evtx;

import java.util.Arrays;
import java.util.Map;

/**
 * Collects one record's fields in order and hands them out as a {@link FieldMap}, reusing the
 * layout of an earlier record when the names are the same strings (same template, same chunk).
 */
final class FieldCollector {

    private static final int LAYOUTS_KEPT = 16;

    private String[] names = new String[32];
    private String[] values = new String[32];
    private int count;
    private final FieldLayout[] layouts = new FieldLayout[LAYOUTS_KEPT];
    private int nextLayout;

    void clear() {
        count = 0;
    }

    void add(String name, String value) {
        if (count == names.length) {
            grow();
        }
        names[count] = name;
        values[count++] = value;
    }

    private void grow() {
        names = Arrays.copyOf(names, 2 * count);
        values = Arrays.copyOf(values, 2 * count);
    }

    Map<String, String> toMap() {
        if (count == 0) {
            return Map.of();
        }
        FieldLayout layout = layout();
        return new FieldMap(layout, layout.pick(values));
    }

    private FieldLayout layout() {
        for (FieldLayout layout : layouts) {
            if (layout != null && layout.isFor(names, count)) {
                return layout;
            }
        }
        FieldLayout layout = FieldLayout.of(names, count);
        layouts[nextLayout] = layout;
        nextLayout = (nextLayout + 1) % LAYOUTS_KEPT;
        return layout;
    }
}
