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

    static int u8(byte[] b, int at) {
        check(b, at, 1);
        return b[at] & 0xFF;
    }

    static int u16(byte[] b, int at) {
        check(b, at, 2);
        return (short) SHORT.get(b, at) & 0xFFFF;
    }

    static int i32(byte[] b, int at) {
        check(b, at, 4);
        return (int) INT.get(b, at);
    }

    static long u32(byte[] b, int at) {
        return i32(b, at) & 0xFFFFFFFFL;
    }

    static long i64(byte[] b, int at) {
        check(b, at, 8);
        return (long) LONG.get(b, at);
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
