package io.vigil.detection.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.identity.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VaultActivityTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private static VaultActivity session(Instant end, String... proxies) {
        return new VaultActivity(VaultActivity.Kind.SESSION, "CyberArk", "1", "alice", Set.of(proxies), "SRV01",
                START, end);
    }

    @Test
    void aSessionAdmitsSignInsFromItsProxiesOnlyAndAnAddressIsMatchedByAddress() {
        VaultActivity viaPsm = session(null, "10.0.0.5", "PSM01.lab.local");

        assertThat(viaPsm.admits(new Endpoint(null, "10.0.0.5", 0))).isTrue();
        assertThat(viaPsm.admits(new Endpoint("WS17", "10.0.0.5", 0))).isTrue();
        assertThat(viaPsm.admits(new Endpoint("PSM01", null, 0))).isTrue();
        assertThat(viaPsm.admits(new Endpoint("psm01.lab.local", null, 0))).isTrue();
        assertThat(viaPsm.admits(new Endpoint("PSM01", "10.0.0.44", 0))).isFalse();
        assertThat(viaPsm.admits(new Endpoint("WS17", null, 0))).isFalse();
        assertThat(viaPsm.admits(Endpoint.NONE)).isFalse();
        assertThat(viaPsm.admits(null)).isFalse();
    }

    @Test
    void withoutProxiesAnySourceIsAdmitted() {
        assertThat(session(null).admits(new Endpoint("WS17", "10.0.0.44", 0))).isTrue();
        assertThat(session(null).admits(Endpoint.NONE)).isTrue();
    }

    @Test
    void spansItsTimeWidenedByTheToleranceAndALiveOneHasNoEnd() {
        Duration fiveMinutes = Duration.ofMinutes(5);
        VaultActivity ended = session(START.plusSeconds(3600));

        assertThat(ended.spans(START.minusSeconds(299), fiveMinutes)).isTrue();
        assertThat(ended.spans(START.minusSeconds(301), fiveMinutes)).isFalse();
        assertThat(ended.spans(START.plusSeconds(3600 + 300), fiveMinutes)).isTrue();
        assertThat(ended.spans(START.plusSeconds(3600 + 301), fiveMinutes)).isFalse();
        assertThat(session(null).spans(START.plusSeconds(86_400), fiveMinutes)).isTrue();
        assertThat(ended.overlaps(START.minusSeconds(60), START.minusSeconds(1))).isFalse();
        assertThat(ended.overlaps(START.plusSeconds(3500), START.plusSeconds(4000))).isTrue();
    }

    @Test
    void blankAndMissingProxyNamesAreDropped() {
        Set<String> hosts = new HashSet<>(Arrays.asList(" ", null, " PSM01 "));
        VaultActivity a = new VaultActivity(VaultActivity.Kind.CHECKOUT, "Delinea", "9", null, hosts, null, START, null);

        assertThat(a.sourceHosts()).containsExactly("psm01");
    }
}
