package io.vigil.integrations.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretSupplierTest {

    @Test
    void handsOutCopiesThatCanBeWipedWithoutLosingTheSecret() {
        char[] original = "Pa55-word!".toCharArray();
        SecretSupplier supplier = SecretSupplier.of(original);
        java.util.Arrays.fill(original, 'x');

        char[] first = supplier.get();
        SecretSupplier.wipe(first);

        assertThat(first).containsOnly('\0');
        assertThat(supplier.get()).containsExactly("Pa55-word!".toCharArray());
        assertThat(supplier.toString()).doesNotContain("Pa55");
    }
}
