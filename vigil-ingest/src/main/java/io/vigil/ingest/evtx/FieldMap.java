package io.vigil.ingest.evtx;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An event's EventData / UserData fields: immutable, in source order. The names and their index
 * are a {@link FieldLayout} shared with the other events of the same template, so an event costs
 * one value array instead of a LinkedHashMap node per field.
 */
final class FieldMap extends AbstractMap<String, String> {

    private final FieldLayout layout;
    private final String[] values;

    FieldMap(FieldLayout layout, String[] values) {
        this.layout = layout;
        this.values = values;
    }

    @Override
    public String get(Object key) {
        int at = layout.position(key);
        return at < 0 ? null : values[at];
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
        int at = layout.position(key);
        return at < 0 ? defaultValue : values[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return layout.position(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(layout.keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int at = next++;
                        return new SimpleImmutableEntry<>(layout.keys[at], values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
