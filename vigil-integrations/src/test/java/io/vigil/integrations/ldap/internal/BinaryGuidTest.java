package io.vigil.integrations.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BinaryGuidTest {

    @Test
    void theFirstThreeFieldsAreLittleEndian() {
        byte[] bytes = HexFormat.of().parseHex("33221100554477668899aabbccddeeff");

        assertThat(BinaryGuid.decode(bytes)).isEqualTo(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
    }

    @Test
    void rejectsAnythingButSixteenBytes() {
        assertThatThrownBy(() -> BinaryGuid.decode(new byte[15])).hasMessageContaining("15 bytes");
    }
}
