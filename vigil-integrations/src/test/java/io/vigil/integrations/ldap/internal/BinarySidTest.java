package io.vigil.integrations.ldap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BinarySidTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void decodesTheBuiltinAdministratorsGroup() {
        assertThat(BinarySid.decode(hex("01 02 000000000005 20000000 20020000"))).isEqualTo("S-1-5-32-544");
    }

    @Test
    void decodesADomainAccountWithLittleEndianSubAuthorities() {
        byte[] sid = hex("01 05 000000000005 15000000 dcf4dc3b 833d2b46 828ba628 50040000");

        assertThat(BinarySid.decode(sid)).isEqualTo("S-1-5-21-1004336348-1177238915-682003330-1104");
    }

    @Test
    void readsSubAuthoritiesAsUnsigned() {
        assertThat(BinarySid.decode(hex("01 01 000000000005 ffffffff"))).isEqualTo("S-1-5-4294967295");
    }

    @Test
    void rejectsTooShortWrongLengthAndWrongRevision() {
        assertThatThrownBy(() -> BinarySid.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> BinarySid.decode(hex("01 02 000000000005 20000000")))
                .hasMessageContaining("12 bytes for 2 sub-authorities, expected 16");
        assertThatThrownBy(() -> BinarySid.decode(hex("02 01 000000000005 20000000")))
                .hasMessageContaining("revision 2");
        assertThatThrownBy(() -> BinarySid.decode(hex("01 10 000000000005")))
                .hasMessageContaining("16 sub-authorities");
    }

    @Test
    void theDomainOfAnAccountSidDropsTheRid() {
        assertThat(BinarySid.domainOf("S-1-5-21-1-2-3-1104")).isEqualTo("S-1-5-21-1-2-3");
    }
}
