package io.vigil.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A slot's last rendering is reused exactly while type and bytes repeat, and never otherwise. */
class RepeatedValueTest {

    private final RepeatedValue last = new RepeatedValue();

    @Test
    void sameTypeAndBytesGiveTheSameString() {
        String first = last.of(values(ValueType.STRING, utf16("NtLmSsp ")), 0);
        String again = last.of(values(ValueType.STRING, utf16("NtLmSsp ")), 0);

        assertThat(first).isEqualTo("NtLmSsp ");
        assertThat(again).isSameAs(first);
    }

    @Test
    void otherBytesAreRenderedAfresh() {
        last.of(values(ValueType.STRING, utf16("alice")), 0);

        assertThat(last.of(values(ValueType.STRING, utf16("alicf")), 0)).isEqualTo("alicf");
        assertThat(last.of(values(ValueType.STRING, utf16("alic")), 0)).isEqualTo("alic");
    }

    @Test
    void theSameBytesOfAnotherTypeRenderAsThatType() {
        byte[] sixteen = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(16).array();

        assertThat(last.of(values(ValueType.UINT32, sixteen), 0)).isEqualTo("16");
        assertThat(last.of(values(ValueType.HEX_INT32, sixteen), 0)).isEqualTo("0x10");
    }

    @Test
    void longValuesAreNotRemembered() {
        String text = "x".repeat(RepeatedValue.MAX_REMEMBERED);
        String first = last.of(values(ValueType.STRING, utf16(text)), 0);
        String again = last.of(values(ValueType.STRING, utf16(text)), 0);

        assertThat(again).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void aMissingSlotIsEmptyAndForgetsNothing() {
        String first = last.of(values(ValueType.STRING, utf16("-")), 0);

        assertThat(last.of(values(ValueType.STRING, utf16("-")), 1)).isEmpty();
        assertThat(last.of(values(ValueType.STRING, utf16("-")), 0)).isSameAs(first);
    }

    @Test
    void theSpellingIsAppliedToEachNewRendering() {
        RepeatedValue channel = new RepeatedValue(s -> s.toUpperCase());

        assertThat(channel.of(values(ValueType.STRING, utf16("security")), 0)).isEqualTo("SECURITY");
        assertThat(channel.of(values(ValueType.STRING, utf16("system")), 0)).isEqualTo("SYSTEM");
    }

    /** A one-slot substitution array, laid out as a record has it, after some unrelated leading bytes. */
    private static SubstitutionValues values(int type, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[7]);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(1).putShort((short) value.length).put((byte) type).put((byte) 0).array());
        out.writeBytes(value);
        byte[] chunk = out.toByteArray();
        return new SubstitutionValues(new Utf16()).fill(chunk, 7, chunk.length);
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }
}
