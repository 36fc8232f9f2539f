package io.vigil.ingest.evtx;

/**
 * A map from chunk offsets to non-null values, open addressing without boxing: the name and
 * template tables of a chunk are looked up once per element and once per record.
 */
final class OffsetMap<V> {

    private int[] keys = new int[64];
    private Object[] values = new Object[64];
    private int size;

    @SuppressWarnings("unchecked")
    V get(int offset) {
        int mask = keys.length - 1;
        for (int slot = mix(offset) & mask; ; slot = (slot + 1) & mask) {
            Object value = values[slot];
            if (value == null || keys[slot] == offset) {
                return (V) value;
            }
        }
    }

    /** Adds a value for an offset the map does not hold yet. */
    void put(int offset, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(offset, value);
        size++;
    }

    private void insert(int offset, Object value) {
        int mask = keys.length - 1;
        int slot = mix(offset) & mask;
        while (values[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = offset;
        values[slot] = value;
    }

    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[2 * oldKeys.length];
        values = new Object[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(int offset) {
        int h = offset * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
