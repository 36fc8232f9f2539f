package io.vigil.ingest.evtx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-16LE to String without a {@link java.nio.charset.CharsetDecoder}: the JDK decodes UTF-16
 * through a fresh decoder per string, which costs more than parsing the rest of a record.
 * Unpaired surrogates are kept as they are, as Windows keeps them.
 * <p>
 * An instance keeps its scratch buffers from one string to the next, so a string costs one
 * allocation, the String's own; it is confined to one thread.
 */
final class Utf16 {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BYTES = 0x00FF00FF00FF00FFL;
    /**
     * From this length on, a bulk copy to char[] and letting String compress it (a JDK intrinsic) is
     * faster than narrowing here, and a string this long rarely turns out not to be Latin-1 half-way.
     */
    private static final int LONG_STRING = 64;

    private byte[] narrow = new byte[0];
    private char[] wide = new char[0];
    private byte[] viewed;
    private CharBuffer evenChars;
    private CharBuffer oddChars;

    private static final long LANE_LOW_BITS = 0x0001000100010001L;
    private static final long LANE_HIGH_BITS = 0x8000800080008000L;

    /**
     * Where the first NUL character of {@code [from, end)} starts, or -1; four characters per step.
     * The lowest lane the bit trick flags is always a true NUL (only lanes above one can be flagged falsely).
     */
    private static int nextNul(byte[] b, int from, int end) {
        Bytes.check(b, from, end - from);
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long fourChars = (long) LONG.get(b, i);
            long nulLanes = (fourChars - LANE_LOW_BITS) & ~fourChars & LANE_HIGH_BITS;
            if (nulLanes != 0) {
                return i + 2 * (Long.numberOfTrailingZeros(nulLanes) >>> 4);
            }
        }
        for (; i + 2 <= end; i += 2) {
            if (b[i] == 0 && b[i + 1] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An array of strings as one text: the NUL-terminated strings of {@code [offset, end)} (the last
     * one may lack its NUL) joined by {@code separator}, an empty string between two NULs included.
     */
    String joined(byte[] b, int offset, int end, String separator) {
        Bytes.check(b, offset, end - offset);
        int chars = (end - offset) >> 1;
        // every NUL (one character) becomes a separator; the text itself is never longer than its characters
        char[] out = wideBuffer(chars * Math.max(1, separator.length()));
        int length = 0;
        int items = 0;
        int start = offset;
        for (int nul; (nul = nextNul(b, start, end)) >= 0; start = nul + 2) {
            length = joinItem(b, start, nul, items++ > 0 ? separator : "", out, length);
        }
        if (start + 2 <= end) {
            length = joinItem(b, start, end - ((end - start) & 1), items > 0 ? separator : "", out, length);
        }
        return new String(out, 0, length);
    }

    private int joinItem(byte[] b, int start, int end, String separator, char[] out, int at) {
        separator.getChars(0, separator.length(), out, at);
        at += separator.length();
        int chars = (end - start) >> 1;
        if (chars >= LONG_STRING) {
            charsOf(b, start).get(start >> 1, out, at, chars);
            return at + chars;
        }
        for (int i = start; i < end - 1; i += 2) {
            out[at++] = (char) (short) SHORT.get(b, i);
        }
        return at;
    }

    /** Decodes with throwaway buffers, for strings read once per chunk at most. */
    static String decode(byte[] b, int offset, int byteLength) {
        return new Utf16().text(b, offset, byteLength);
    }

    String text(byte[] b, int offset, int byteLength) {
        int chars = byteLength >> 1;
        Bytes.check(b, offset, 2 * chars);
        if (chars >= LONG_STRING) {
            return widened(b, offset, chars);
        }
        // most event text is Latin-1: narrow it, eight characters per step, and let String keep it compact
        byte[] narrow = narrowBuffer(chars);
        long high = 0;
        int i = 0;
        int at = offset;
        for (; i + 8 <= chars; i += 8, at += 16) {
            long first = (long) LONG.get(b, at);
            long second = (long) LONG.get(b, at + 8);
            high |= (first | second) & ~LOW_BYTES;
            LONG.set(narrow, i, lowBytes(first) | lowBytes(second) << 32);
        }
        if (i + 4 <= chars) {
            long four = (long) LONG.get(b, at);
            high |= four & ~LOW_BYTES;
            INT.set(narrow, i, (int) lowBytes(four));
            i += 4;
            at += 8;
        }
        for (; i < chars; i++, at += 2) {
            narrow[i] = b[at];
            high |= b[at + 1];
        }
        if (high == 0) {
            return new String(narrow, 0, chars, StandardCharsets.ISO_8859_1);
        }
        return widened(b, offset, chars);
    }

    /** The low bytes of four UTF-16LE characters, packed into the low 32 bits. */
    private static long lowBytes(long fourChars) {
        long lows = fourChars & LOW_BYTES;
        lows = (lows | lows >>> 8) & 0x0000FFFF0000FFFFL;
        return (lows | lows >>> 16) & 0xFFFFFFFFL;
    }

    private String widened(byte[] b, int offset, int chars) {
        char[] wide = wideBuffer(chars);
        charsOf(b, offset).get(offset >> 1, wide, 0, chars);
        return new String(wide, 0, chars);
    }

    /**
     * A char view of the buffer in which {@code offset} starts a character: one for even and one for
     * odd offsets, made once per buffer (a chunk buffer serves many records) rather than per string.
     */
    private CharBuffer charsOf(byte[] b, int offset) {
        if (b != viewed) {
            viewed = b;
            evenChars = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer();
            oddChars = ByteBuffer.wrap(b, 1, b.length - 1).slice().order(ByteOrder.LITTLE_ENDIAN).asCharBuffer();
        }
        return (offset & 1) == 0 ? evenChars : oddChars;
    }

    private byte[] narrowBuffer(int length) {
        if (narrow.length < length) {
            narrow = new byte[length];
        }
        return narrow;
    }

    private char[] wideBuffer(int length) {
        if (wide.length < length) {
            wide = new char[length];
        }
        return wide;
    }
}
