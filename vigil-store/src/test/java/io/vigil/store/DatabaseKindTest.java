package io.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseKindTest {

    @Test
    void knowsTheTwoSupportedProductsAndRefusesOthers() {
        assertThat(DatabaseKind.ofProductName("H2")).isEqualTo(DatabaseKind.H2);
        assertThat(DatabaseKind.ofProductName("PostgreSQL")).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThatThrownBy(() -> DatabaseKind.ofProductName("MySQL"))
                .isInstanceOf(StoreException.class)
                .hasMessage("unsupported database 'MySQL': Vigil runs on H2 or PostgreSQL");
    }
}
