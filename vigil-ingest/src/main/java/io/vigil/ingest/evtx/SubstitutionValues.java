package io.vigil.ingest.evtx;

/**
 * The value array that follows a template instance: per slot a type and a byte range in the chunk.
 * Values are rendered only when an output field asks for them.
 */
final class SubstitutionValues {

    static final SubstitutionValues EMPTY = new SubstitutionValues(new byte[0], new int[0], new int[0], new int[0], 0);

    final byte[] chunk;
    private final int[] offsets;
    private final int[] sizes;
    private final int[] types;
    private final int count;
    /** Where the array ends, i.e. where whatever follows the template instance starts. */
    final int end;

    private SubstitutionValues(byte[] chunk, int[] offsets, int[] sizes, int[] types, int end) {
        this.chunk = chunk;
        this.offsets = offsets;
        this.sizes = sizes;
        this.types = types;
        this.count = offsets.length;
        this.end = end;
    }

    static SubstitutionValues read(byte[] chunk, int start, int limit) {
        int count = Bytes.i32(chunk, start);
        if (count < 0 || count > (limit - start - 4) / 4) {
            throw new EvtxFormatException("substitution array claims " + Integer.toUnsignedString(count) + " values");
        }
        int[] offsets = new int[count];
        int[] sizes = new int[count];
        int[] types = new int[count];
        int descriptor = start + 4;
        int value = descriptor + 4 * count;
        for (int i = 0; i < count; i++, descriptor += 4) {
            int size = Bytes.u16(chunk, descriptor);
            offsets[i] = value;
            sizes[i] = size;
            types[i] = chunk[descriptor + 2] & 0xFF;
            value += size;
        }
        if (value > limit) {
            throw new EvtxFormatException("substitution values run " + (value - limit) + " bytes past the record");
        }
        return new SubstitutionValues(chunk, offsets, sizes, types, value);
    }

    int count() {
        return count;
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
        return index < count ? ValueRenderer.render(chunk, offsets[index], sizes[index], types[index]) : "";
    }

    /** The slot as a number when it holds an integer type, else {@code null}. */
    Long integer(int index) {
        if (index >= count || !ValueType.isInteger(types[index])) {
            return null;
        }
        return ValueRenderer.integer(chunk, offsets[index], sizes[index], types[index]);
    }
}
