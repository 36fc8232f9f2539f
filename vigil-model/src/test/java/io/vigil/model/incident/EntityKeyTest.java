package io.vigil.model.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.alert.Entity;
import org.junit.jupiter.api.Test;

class EntityKeyTest {

    @Test
    void foldsCaseAndKeysHostsByTheirFirstLabel() {
        assertThat(EntityKey.of(new Entity.AccountEntity("Alice", "CONTOSO", "S-1-5-21-1"))).isEqualTo("account:contoso\\alice");
        assertThat(EntityKey.of(new Entity.AccountEntity("svc_sql", null, null))).isEqualTo("account:svc_sql");
        assertThat(EntityKey.of(new Entity.HostEntity("WS01.contoso.local", null)))
                .isEqualTo(EntityKey.of(new Entity.HostEntity("ws01", "contoso.local")))
                .isEqualTo("host:ws01");
        assertThat(EntityKey.of(new Entity.IpEntity("10.0.0.5"))).isEqualTo("ip:10.0.0.5");
    }
}
