package io.vigil.ingest.evtx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * UTF-16LE to String without a {@link java.nio.charset.CharsetDecoder}: the JDK decodes UTF-16
 * through a fresh decoder per string, which costs more than parsing the rest of a record.
 * Unpaired surrogates are kept as they are, as Windows keeps them.
 */
final class Utf16 {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle CHAR = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BYTES = 0x00FF00FF00FF00FFL;
    /** From this length on, widening to char[] and letting String compress it (a JDK intrinsic) is faster. */
    private static final int LONG_STRING = 64;

    private Utf16() {
    }

    static String decode(byte[] b, int offset, int byteLength) {
        int chars = byteLength >> 1;
        Bytes.check(b, offset, 2 * chars);
        if (chars >= LONG_STRING) {
            return wide(b, offset, chars);
        }
        // most event text is Latin-1: narrow it, four characters per step, and let String keep it compact
        byte[] narrow = new byte[chars];
        long high = 0;
        int i = 0;
        int at = offset;
        for (; i + 4 <= chars; i += 4, at += 8) {
            long four = (long) LONG.get(b, at);
            high |= four & ~LOW_BYTES;
            long lows = four & LOW_BYTES;
            lows = (lows | lows >>> 8) & 0x0000FFFF0000FFFFL;
            INT.set(narrow, i, (int) (lows | lows >>> 16));
        }
        for (; i < chars; i++, at += 2) {
            narrow[i] = b[at];
            high |= b[at + 1];
        }
        if (high == 0) {
            return new String(narrow, StandardCharsets.ISO_8859_1);
        }
        return wide(b, offset, chars);
    }

    private static String wide(byte[] b, int offset, int chars) {
        char[] wide = new char[chars];
        for (int i = 0; i < chars; i++) {
            wide[i] = (char) CHAR.get(b, offset + 2 * i);
        }
        return new String(wide);
    }
}
