package io.vigil.ingest.evtx;

import static io.vigil.ingest.evtx.ValueType.*;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Renders substitution values as text exactly as Windows writes them in an event's XML view. */
final class ValueRenderer {

    private static final Charset ANSI = ansiCharset();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}} */
    private static final int GUID_TEXT_LENGTH = 38;
    private static final long FILETIME_TICKS_PER_SECOND = 10_000_000L;
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;
    static final String ARRAY_SEPARATOR = ", ";

    private ValueRenderer() {
    }

    static String render(byte[] b, int offset, int size, int type) {
        return render(b, offset, size, type, new Utf16());
    }

    /** Renders with the caller's {@link Utf16} and its buffers. */
    static String render(byte[] b, int offset, int size, int type, Utf16 text) {
        if ((type & ARRAY) != 0) {
            return renderArray(b, offset, size, type & ~ARRAY, text);
        }
        return switch (type) {
            case NULL -> "";
            case STRING -> utf16(b, offset, size, text);
            case ANSI_STRING -> ansi(b, offset, size);
            case INT8, INT16, INT32, INT64 -> decimal(integer(b, offset, size, type));
            case UINT8, UINT16, UINT32, UINT64 -> unsignedDecimal(integer(b, offset, size, type));
            case HEX_INT32, HEX_INT64, SIZE_T -> hexNumber(integer(b, offset, size, type));
            case REAL32 -> real(Float.intBitsToFloat(Bytes.i32(b, sized(offset, size, 4))));
            case REAL64 -> real(Double.longBitsToDouble(Bytes.i64(b, sized(offset, size, 8))));
            case BOOL -> integer(b, offset, Math.min(size, 4), UINT32) != 0 ? "true" : "false";
            case GUID -> guid(b, sized(offset, size, 16));
            case FILETIME -> filetime(Bytes.i64(b, sized(offset, size, 8)));
            case SYSTEMTIME -> systemtime(b, sized(offset, size, 16));
            case SID -> sid(b, offset, size);
            default -> hex(b, offset, size);
        };
    }

    /** Most integer fields are small (logon types, counts, ports, flags): their text is made once. */
    private static final String[] SMALL = java.util.stream.IntStream.range(0, 1024).mapToObj(Integer::toString)
            .toArray(String[]::new);

    private static String decimal(long value) {
        return value >= 0 && value < SMALL.length ? SMALL[(int) value] : Long.toString(value);
    }

    private static String unsignedDecimal(long value) {
        return value >= 0 && value < SMALL.length ? SMALL[(int) value] : Long.toUnsignedString(value);
    }

    /** Integer types, sign-extended for the signed ones; size_t takes the width it was written with. */
    static long integer(byte[] b, int offset, int size, int type) {
        return switch (type) {
            case INT8 -> b[sized(offset, size, 1)];
            case UINT8 -> b[sized(offset, size, 1)] & 0xFF;
            case INT16 -> (short) Bytes.u16(b, sized(offset, size, 2));
            case UINT16 -> Bytes.u16(b, sized(offset, size, 2));
            case INT32 -> Bytes.i32(b, sized(offset, size, 4));
            case UINT32, HEX_INT32 -> Bytes.u32(b, sized(offset, size, 4));
            case SIZE_T -> size >= 8 ? Bytes.i64(b, offset) : Bytes.u32(b, sized(offset, size, 4));
            default -> Bytes.i64(b, sized(offset, size, 8));
        };
    }

    private static int sized(int offset, int size, int needed) {
        if (size < needed) {
            throw new EvtxFormatException("value of " + size + " bytes where " + needed + " are needed");
        }
        return offset;
    }

    static String utf16(byte[] b, int offset, int size, Utf16 text) {
        int end = offset + (size & ~1);
        while (end > offset && b[end - 1] == 0 && b[end - 2] == 0) {
            end -= 2;
        }
        Bytes.check(b, offset, end - offset);
        return text.text(b, offset, end - offset);
    }

    private static String ansi(byte[] b, int offset, int size) {
        int end = offset + size;
        while (end > offset && b[end - 1] == 0) {
            end--;
        }
        Bytes.check(b, offset, end - offset);
        return new String(b, offset, end - offset, ANSI);
    }

    private static String real(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    private static String real(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return Float.toString(value);
        }
        String plain = new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    /** {@code 0x} and the lower-case hex digits, without leading zeros. */
    static String hexNumber(long value) {
        int digits = Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(value) + 3) / 4);
        byte[] s = new byte[2 + digits];
        s[0] = '0';
        s[1] = 'x';
        for (int at = s.length - 1; at >= 2; at--, value >>>= 4) {
            s[at] = LOWER_HEX[(int) value & 0xF];
        }
        return new String(s, StandardCharsets.ISO_8859_1);
    }

    static String guid(byte[] b, int offset) {
        Bytes.check(b, offset, 16);
        byte[] s = new byte[GUID_TEXT_LENGTH];
        s[0] = '{';
        int at = hexDigits(s, 1, Bytes.u32(b, offset), 8);
        s[at++] = '-';
        at = hexDigits(s, at, Bytes.u16(b, offset + 4), 4);
        s[at++] = '-';
        at = hexDigits(s, at, Bytes.u16(b, offset + 6), 4);
        for (int i = 8; i < 16; i++) {
            if (i == 8 || i == 10) {
                s[at++] = '-';
            }
            at = hexDigits(s, at, b[offset + i] & 0xFF, 2);
        }
        s[at] = '}';
        return new String(s, StandardCharsets.ISO_8859_1);
    }

    /** ISO-8601 UTC with the seven fractional digits a FILETIME's 100 ns ticks give. */
    static String filetime(long ticks) {
        long seconds = Long.divideUnsigned(ticks, FILETIME_TICKS_PER_SECOND) - FILETIME_EPOCH_OFFSET_SECONDS;
        int fraction = (int) Long.remainderUnsigned(ticks, FILETIME_TICKS_PER_SECOND);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder s = new StringBuilder(28);
        dateTime(s, t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        s.append('.');
        decimalDigits(s, fraction, 7);
        return s.append('Z').toString();
    }

    static long filetimeEpochSeconds(long ticks) {
        return Long.divideUnsigned(ticks, FILETIME_TICKS_PER_SECOND) - FILETIME_EPOCH_OFFSET_SECONDS;
    }

    static int filetimeNanos(long ticks) {
        return (int) Long.remainderUnsigned(ticks, FILETIME_TICKS_PER_SECOND) * 100;
    }

    /** SYSTEMTIME carries milliseconds; Windows pads them to nine fractional digits. */
    private static String systemtime(byte[] b, int offset) {
        StringBuilder s = new StringBuilder(30);
        dateTime(s, Bytes.u16(b, offset), Bytes.u16(b, offset + 2), Bytes.u16(b, offset + 6),
                Bytes.u16(b, offset + 8), Bytes.u16(b, offset + 10), Bytes.u16(b, offset + 12));
        s.append('.');
        decimalDigits(s, Bytes.u16(b, offset + 14), 3);
        return s.append("000000Z").toString();
    }

    private static void dateTime(StringBuilder s, int year, int month, int day, int hour, int minute, int second) {
        decimalDigits(s, year, 4);
        s.append('-');
        decimalDigits(s, month, 2);
        s.append('-');
        decimalDigits(s, day, 2);
        s.append('T');
        decimalDigits(s, hour, 2);
        s.append(':');
        decimalDigits(s, minute, 2);
        s.append(':');
        decimalDigits(s, second, 2);
    }

    static String sid(byte[] b, int offset, int size) {
        if (size < 8) {
            throw new EvtxFormatException("SID of " + size + " bytes");
        }
        int revision = Bytes.u8(b, offset);
        int subAuthorities = Bytes.u8(b, offset + 1);
        if (8 + 4 * subAuthorities > size) {
            throw new EvtxFormatException("SID with " + subAuthorities + " sub-authorities in " + size + " bytes");
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | (b[offset + i] & 0xFF);
        }
        StringBuilder s = new StringBuilder(48).append("S-").append(revision).append('-');
        if (authority >= 1L << 32) {
            s.append("0x").append(Long.toHexString(authority).toUpperCase());
        } else {
            s.append(authority);
        }
        for (int i = 0; i < subAuthorities; i++) {
            s.append('-').append(Bytes.u32(b, offset + 8 + 4 * i));
        }
        return s.toString();
    }

    static String hex(byte[] b, int offset, int size) {
        Bytes.check(b, offset, size);
        byte[] out = new byte[2 * size];
        for (int i = 0; i < size; i++) {
            int v = b[offset + i] & 0xFF;
            out[2 * i] = (byte) HEX[v >>> 4];
            out[2 * i + 1] = (byte) HEX[v & 0xF];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static String renderArray(byte[] b, int offset, int size, int itemType, Utf16 text) {
        int end = offset + size;
        if (itemType == STRING) {
            return text.joined(b, offset, end, ARRAY_SEPARATOR);
        }
        ArrayText s = new ArrayText();
        if (itemType == ANSI_STRING) {
            int start = offset;
            for (int i; (i = ansiNul(b, start, end)) >= 0; start = i + 1) {
                s.add(ansi(b, start, i - start));
            }
            if (start < end) {
                s.add(ansi(b, start, end - start));
            }
            return s.toString();
        }
        int item = fixedSize(itemType);
        if (item == 0) {
            return hex(b, offset, size);
        }
        for (int at = offset; at + item <= end; at += item) {
            s.add(render(b, at, item, itemType, text));
        }
        return s.toString();
    }

    private static int ansiNul(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Items of an array value joined by {@link #ARRAY_SEPARATOR}; most arrays hold one item. */
    private static final class ArrayText {
        private String first = "";
        private StringBuilder text;
        private int items;

        void add(String item) {
            if (items++ == 0) {
                first = item;
                return;
            }
            if (text == null) {
                text = new StringBuilder(first);
            }
            text.append(ARRAY_SEPARATOR).append(item);
        }

        @Override
        public String toString() {
            return text == null ? first : text.toString();
        }
    }

    /** Writes the digits at {@code at}; returns where they end. */
    private static int hexDigits(byte[] s, int at, long value, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            s[at++] = (byte) HEX[(int) (value >>> shift) & 0xF];
        }
        return at;
    }

    private static void decimalDigits(StringBuilder s, int value, int digits) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < digits; i++) {
            s.append('0');
        }
        s.append(text);
    }

    private static Charset ansiCharset() {
        try {
            return Charset.forName("windows-1252");
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
