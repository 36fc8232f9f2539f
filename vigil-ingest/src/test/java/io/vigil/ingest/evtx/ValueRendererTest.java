package io.vigil.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Values are rendered the way Windows' XML view shows them. */
class ValueRendererTest {

    @Test
    void integersHexAndBooleans() {
        assertThat(render(ValueType.INT8, (byte) -3)).isEqualTo("-3");
        assertThat(render(ValueType.UINT8, (byte) 0xFE)).isEqualTo("254");
        assertThat(render(ValueType.INT16, (byte) 0xFF, (byte) 0xFF)).isEqualTo("-1");
        assertThat(render(ValueType.UINT32, le(8).putInt(-1).array(), 4)).isEqualTo("4294967295");
        assertThat(render(ValueType.UINT64, le(8).putLong(-1).array(), 8)).isEqualTo("18446744073709551615");
        assertThat(render(ValueType.HEX_INT32, le(4).putInt(0x17).array(), 4)).isEqualTo("0x17");
        assertThat(render(ValueType.HEX_INT32, le(4).putInt(0xC000006D).array(), 4)).isEqualTo("0xc000006d");
        assertThat(render(ValueType.HEX_INT64, le(8).putLong(0x8020000000000000L).array(), 8))
                .isEqualTo("0x8020000000000000");
        assertThat(render(ValueType.BOOL, le(4).putInt(1).array(), 4)).isEqualTo("true");
        assertThat(render(ValueType.BOOL, le(4).putInt(0).array(), 4)).isEqualTo("false");
        assertThat(render(ValueType.REAL64, le(8).putDouble(1.5).array(), 8)).isEqualTo("1.5");
    }

    @Test
    void stringsDropTrailingTerminators() {
        assertThat(render(ValueType.STRING, "Günter\0".getBytes(StandardCharsets.UTF_16LE))).isEqualTo("Günter");
        assertThat(render(ValueType.STRING, "日本\0".getBytes(StandardCharsets.UTF_16LE))).isEqualTo("日本");
        assertThat(render(ValueType.ANSI_STRING, "abc\0".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("abc");
        assertThat(render(ValueType.STRING | ValueType.ARRAY, "a\0b\0".getBytes(StandardCharsets.UTF_16LE)))
                .isEqualTo("a, b");
        // terminators before, on and after 8-byte steps, an empty item, a character whose high byte is 0
        // next to one whose low byte is 0, and an unterminated last item
        assertThat(render(ValueType.STRING | ValueType.ARRAY,
                "abcdefgh\0\0ij\0\u0100A\u0100\0klmnopq".getBytes(StandardCharsets.UTF_16LE)))
                .isEqualTo("abcdefgh, , ij, \u0100A\u0100, klmnopq");
    }

    @Test
    void guidSidBinaryAndTimes() {
        byte[] guid = {0x5F, 0x38, 0x70, 0x57, 0x2A, (byte) 0xC2, (byte) 0xE0, 0x43,
                (byte) 0xBF, 0x4C, 0x06, (byte) 0xF5, 0x69, (byte) 0x8F, (byte) 0xFB, (byte) 0xD9};
        assertThat(render(ValueType.GUID, guid)).isEqualTo("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
        byte[] sid = le(16).put((byte) 1).put((byte) 2).put(new byte[] {0, 0, 0, 0, 0, 5})
                .putInt(32).putInt(544).array();
        assertThat(render(ValueType.SID, sid)).isEqualTo("S-1-5-32-544");
        assertThat(render(ValueType.BINARY, (byte) 0x0A, (byte) 0xFF)).isEqualTo("0AFF");
        assertThat(render(ValueType.FILETIME, le(8).putLong(134087028101653240L).array(), 8))
                .isEqualTo("2025-11-27T07:40:10.1653240Z");
        byte[] systemTime = le(16).putShort((short) 2024).putShort((short) 2).putShort((short) 4)
                .putShort((short) 29).putShort((short) 23).putShort((short) 5).putShort((short) 9)
                .putShort((short) 7).array();
        assertThat(render(ValueType.SYSTEMTIME, systemTime)).isEqualTo("2024-02-29T23:05:09.007000000Z");
    }

    @Test
    void shortValuesAreFormatErrors() {
        assertThatThrownBy(() -> render(ValueType.GUID, new byte[3])).isInstanceOf(EvtxFormatException.class);
        assertThatThrownBy(() -> render(ValueType.SID, new byte[] {1, 9, 0, 0, 0, 0, 0, 5}))
                .isInstanceOf(EvtxFormatException.class);
    }

    private static String render(int type, byte... value) {
        return render(type, value, value.length);
    }

    private static String render(int type, byte[] value, int size) {
        return ValueRenderer.render(value, 0, size, type);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
