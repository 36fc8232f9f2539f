package io.vigil.ingest.evtx;

import java.util.Arrays;

/**
 * The field names of an event in order, with the hash index {@link FieldMap} looks them up by.
 * Events of one template in one chunk name their fields with the very same strings, so a layout is
 * built once and shared by all of them; each event then only has its own value array.
 */
final class FieldLayout {

    /** The names as the record gave them, repeats included: what a later record is matched against. */
    private final String[] given;
    /** The names kept, first of repeats only. */
    final String[] keys;
    /** For each kept name, the position of its value among the given ones; null when none repeats. */
    private final int[] picks;
    /** Position + 1 of the key hashed to each slot, 0 for a free slot. */
    private final int[] index;

    private FieldLayout(String[] given, String[] keys, int[] picks, int[] index) {
        this.given = given;
        this.keys = keys;
        this.picks = picks;
        this.index = index;
    }

    /** The layout of the first {@code count} names; a repeated name keeps its first position. */
    static FieldLayout of(String[] names, int count) {
        String[] given = Arrays.copyOf(names, count);
        int[] index = new int[Integer.highestOneBit(2 * count - 1) << 1];
        int mask = index.length - 1;
        String[] keys = new String[count];
        int[] picks = new int[count];
        int kept = 0;
        next:
        for (int i = 0; i < count; i++) {
            String name = given[i];
            int slot = spread(name.hashCode()) & mask;
            for (int at; (at = index[slot]) != 0; slot = (slot + 1) & mask) {
                if (keys[at - 1].equals(name)) {
                    continue next;
                }
            }
            keys[kept] = name;
            picks[kept] = i;
            index[slot] = ++kept;
        }
        return kept == count
                ? new FieldLayout(given, given, null, index)
                : new FieldLayout(given, Arrays.copyOf(keys, kept), Arrays.copyOf(picks, kept), index);
    }

    /** Whether these are the names this layout was built from, as the same string objects. */
    boolean isFor(String[] names, int count) {
        if (count != given.length) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (names[i] != given[i]) {
                return false;
            }
        }
        return true;
    }

    /** The values of the kept names out of the given ones. */
    String[] pick(String[] values) {
        if (picks == null) {
            return Arrays.copyOf(values, keys.length);
        }
        String[] kept = new String[picks.length];
        for (int i = 0; i < picks.length; i++) {
            kept[i] = values[picks[i]];
        }
        return kept;
    }

    int size() {
        return keys.length;
    }

    /** The position of the name, or -1. */
    int position(Object name) {
        if (!(name instanceof String)) {
            return -1;
        }
        int mask = index.length - 1;
        for (int slot = spread(name.hashCode()) & mask, at; (at = index[slot]) != 0; slot = (slot + 1) & mask) {
            if (keys[at - 1].equals(name)) {
                return at - 1;
            }
        }
        return -1;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
