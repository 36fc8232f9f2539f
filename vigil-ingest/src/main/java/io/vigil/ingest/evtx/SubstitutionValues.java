package io.vigil.ingest.evtx;

/**
 * The value array that follows a template instance: per slot a type and a byte range in the chunk.
 * Values are rendered only when an output field asks for them. An instance is refilled for every
 * record (one per nesting depth), so reading a record allocates no arrays for it.
 */
final class SubstitutionValues {

    /** Has no values, so it never renders and can be shared. */
    static final SubstitutionValues EMPTY = new SubstitutionValues(new Utf16());

    private final Utf16 text;
    byte[] chunk = new byte[0];
    private int[] offsets = new int[0];
    private int[] sizes = new int[0];
    private int[] types = new int[0];
    private int count;

    SubstitutionValues(Utf16 text) {
        this.text = text;
    }

    /** Reads the array at {@code start}; its values must end by {@code limit}. Returns this. */
    SubstitutionValues fill(byte[] chunk, int start, int limit) {
        int claimed = Bytes.i32(chunk, start);
        if (claimed < 0 || claimed > (limit - start - 4) / 4) {
            throw new EvtxFormatException("substitution array claims " + Integer.toUnsignedString(claimed) + " values");
        }
        if (claimed > offsets.length) {
            int capacity = Math.max(claimed, 2 * offsets.length);
            offsets = new int[capacity];
            sizes = new int[capacity];
            types = new int[capacity];
        }
        this.chunk = chunk;
        this.count = 0;
        int descriptor = start + 4;
        int value = descriptor + 4 * claimed;
        for (int i = 0; i < claimed; i++, descriptor += 4) {
            int sizeAndType = Bytes.i32(chunk, descriptor); // size (16 bits), type (8 bits), padding
            int size = sizeAndType & 0xFFFF;
            offsets[i] = value;
            sizes[i] = size;
            types[i] = (sizeAndType >>> 16) & 0xFF;
            value += size;
        }
        if (value > limit) {
            throw new EvtxFormatException("substitution values run " + (value - limit) + " bytes past the record");
        }
        this.count = claimed;
        return this;
    }

    /** The slot's type, or {@link ValueType#NULL} for a slot the array does not have. */
    int type(int index) {
        return index < count ? types[index] : ValueType.NULL;
    }

    int offset(int index) {
        return offsets[index];
    }

    int size(int index) {
        return index < count ? sizes[index] : 0;
    }

    String render(int index) {
        return index < count ? ValueRenderer.render(chunk, offsets[index], sizes[index], types[index], text) : "";
    }

    boolean isInteger(int index) {
        return index < count && ValueType.isInteger(types[index]);
    }

    /** The slot's number; only for a slot that {@link #isInteger} says holds one. */
    long integer(int index) {
        return ValueRenderer.integer(chunk, offsets[index], sizes[index], types[index]);
    }
}
