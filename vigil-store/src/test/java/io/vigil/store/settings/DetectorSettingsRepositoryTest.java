package io.vigil.store.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.store.VigilDatabase;
import io.vigil.store.testing.DatabaseTest;
import java.util.Map;

class DetectorSettingsRepositoryTest {

    @DatabaseTest
    void putReplacesAndRemoveRestoresTheDefault(VigilDatabase db) {
        db.detectorSettings().put("brute-force", "threshold", "10", "alice");
        db.detectorSettings().put("brute-force", "excludedAccounts", "svc_scan", "alice");
        DetectorSetting replaced = db.detectorSettings().put("brute-force", "threshold", "25", "bob");
        db.detectorSettings().put("kerberoasting", "threshold", "5", "bob");

        assertThat(replaced.value()).isEqualTo("25");
        assertThat(replaced.updatedBy()).isEqualTo("bob");
        assertThat(db.detectorSettings().valuesOf("brute-force"))
                .containsExactly(Map.entry("excludedAccounts", "svc_scan"), Map.entry("threshold", "25"));
        assertThat(db.detectorSettings().all()).hasSize(3);

        assertThat(db.detectorSettings().remove("brute-force", "threshold")).isTrue();
        assertThat(db.detectorSettings().find("brute-force", "threshold")).isEmpty();
        assertThat(db.detectorSettings().remove("brute-force", "threshold")).isFalse();
    }
}
