package io.vigil.ingest.evtx;

import java.util.function.UnaryOperator;

/**
 * The last rendering of one value slot, handed out again while the slot's type and bytes stay the
 * same: provider, channel and computer are the same in almost every record of a chunk, and so are
 * most fields of a template from one record to the next (a 4625's status, logon type, process,
 * package, the "-" of empty names). A hit costs a byte comparison instead of rendering and a new string.
 * Confined to one thread, like the templates whose plan steps hold one.
 */
final class RepeatedValue {

    /** Longer values are rendered every time: they rarely repeat, and comparing them costs as much. */
    static final int MAX_REMEMBERED = 128;

    private final UnaryOperator<String> spelling;
    private byte[] bytes = new byte[16];
    private int size;
    private int type;
    private String text;

    RepeatedValue() {
        this(UnaryOperator.identity());
    }

    /** @param spelling applied to each new rendering, e.g. to give a channel its canonical spelling once */
    RepeatedValue(UnaryOperator<String> spelling) {
        this.spelling = spelling;
    }

    /** The rendering of the values' slot {@code index}, as {@link SubstitutionValues#render} gives it. */
    String of(SubstitutionValues values, int index) {
        int valueType = values.type(index);
        int valueSize = values.size(index);
        if (valueSize > MAX_REMEMBERED || valueType == ValueType.NULL) {
            return spelling.apply(values.render(index));
        }
        int offset = values.offset(index);
        if (text != null && valueType == type && valueSize == size && Bytes.same(values.chunk, offset, bytes, 0, size)) {
            return text;
        }
        text = null;
        String rendered = spelling.apply(values.render(index));
        if (bytes.length < valueSize) {
            bytes = new byte[Math.max(valueSize, 2 * bytes.length)];
        }
        System.arraycopy(values.chunk, offset, bytes, 0, valueSize);
        size = valueSize;
        type = valueType;
        text = rendered;
        return rendered;
    }
}
