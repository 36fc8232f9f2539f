package io.vigil.ingest.evtx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian reads from a chunk buffer; out-of-range reads throw {@link EvtxFormatException}. */
final class Bytes {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    // The reads below let the array access or view do the bounds check (a second check of our own
    // costs a few per cent of a record) and turn its exception into the reader's own.

    static int u8(byte[] b, int at) {
        try {
            return b[at] & 0xFF;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, 1);
        }
    }

    static int u16(byte[] b, int at) {
        try {
            return (short) SHORT.get(b, at) & 0xFFFF;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, 2);
        }
    }

    static int i32(byte[] b, int at) {
        try {
            return (int) INT.get(b, at);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, 4);
        }
    }

    static long u32(byte[] b, int at) {
        return i32(b, at) & 0xFFFFFFFFL;
    }

    static long i64(byte[] b, int at) {
        try {
            return (long) LONG.get(b, at);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(at, 8);
        }
    }

    /**
     * Whether {@code length} bytes at {@code at} equal those of {@code other} at {@code otherAt}; for the
     * short runs of a name or a field, where {@link java.util.Arrays#equals} costs more to set up than to run.
     */
    static boolean same(byte[] b, int at, byte[] other, int otherAt, int length) {
        check(b, at, length);
        check(other, otherAt, length);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if ((long) LONG.get(b, at + i) != (long) LONG.get(other, otherAt + i)) {
                return false;
            }
        }
        if (i + 4 <= length) {
            if ((int) INT.get(b, at + i) != (int) INT.get(other, otherAt + i)) {
                return false;
            }
            i += 4;
        }
        for (; i < length; i++) {
            if (b[at + i] != other[otherAt + i]) {
                return false;
            }
        }
        return true;
    }

    static void check(byte[] b, int at, int length) {
        if ((at | length) < 0 || at > b.length - length) {
            throw outOfBounds(at, length);
        }
    }

    /** Apart from {@link #check}, which stays small enough to be inlined everywhere. */
    private static EvtxFormatException outOfBounds(int at, int length) {
        return new EvtxFormatException("read of " + length + " bytes at chunk offset " + at + " is out of bounds");
    }
}
