package io.vigil.engine.embedded;

import static io.vigil.detection.testing.TestEvents.at;
import static io.vigil.detection.testing.TestEvents.logon;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.registry.DetectorRegistry;
import io.vigil.detection.testing.TestVault;
import io.vigil.model.alert.Alert;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What the vaults recorded reaches detectors through the engine, and a sign-in still waiting for the
 * vault's records when the engine stops is judged after a restart from the snapshot.
 */
class VaultActivityEngineTest {

    @Test
    void aSignInWaitingForTheVaultSurvivesASnapshotAndIsJudgedOnceTheVaultIsRead() {
        TestVault vault = new TestVault("CyberArk", at(-60), "adm_frodo")
                .session("adm_frodo", "12", at(-30), null, "172.18.39.50");
        var detectors = DetectorRegistry.discover().create(Map.of());
        Map<String, Alert> alerts = new ConcurrentHashMap<>();

        EmbeddedEngine first = new EmbeddedEngine(detectors, vault.directory(), vault,
                alert -> alerts.put(alert.id(), alert), EngineOptions.defaults().withWorkers(1));
        first.submit(logon(at(0), "adm_frodo", "PSM01", "172.18.39.50"));
        first.submit(logon(at(10), "adm_frodo", "WORKSTATION5", "172.18.39.5"));
        first.flush();
        byte[] snapshot = first.snapshot().toBytes();
        first.close();
        assertThat(alerts).isEmpty();

        vault.readUntil(at(600));
        EmbeddedEngine second = new EmbeddedEngine(detectors, vault.directory(), vault,
                alert -> alerts.put(alert.id(), alert), EngineOptions.defaults().withWorkers(2));
        assertThat(second.restore(snapshot)).isPositive();
        second.submit(logon(at(3 * 3600), "pgustavo", "WORKSTATION6", "172.18.39.6"));
        second.finish();

        assertThat(alerts.values()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo("outside-pam-session");
            assertThat(alert.evidenceCount()).isEqualTo(1);
            assertThat(alert.entities()).extracting(e -> e.label()).contains("172.18.39.5");
        });
    }
}
