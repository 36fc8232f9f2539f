package io.vigil.detection.builtin.groups;

import static io.vigil.detection.testing.TestEvents.DC;
import static io.vigil.detection.testing.TestEvents.at;
import static io.vigil.detection.testing.TestEvents.domainGroup;
import static io.vigil.detection.testing.TestEvents.memberAdded;
import static io.vigil.detection.testing.TestEvents.memberRemoved;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.testing.DetectorHarness;
import io.vigil.model.alert.Alert;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.Account;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SensitiveGroupAdditionDetectorTest {

    private static final Account DOMAIN_ADMINS = domainGroup("Domain Admins", 512);
    private static final Account MARKETING = domainGroup("Marketing", 4242);

    private final DetectorHarness<?> harness =
            DetectorHarness.of(new SensitiveGroupAdditionDetector(SensitiveGroupAdditionConfig.DEFAULTS));

    @Test
    void additions_by_one_actor_to_one_sensitive_group_raise_one_alert_listing_the_members() {
        harness.feed(memberAdded(at(0), "jdoe", "mallory", DOMAIN_ADMINS),
                memberAdded(at(90), "jdoe", "eve", DOMAIN_ADMINS));

        Alert alert = harness.onlyAlert();
        assertThat(alert.type()).isEqualTo("sensitive-group-addition");
        assertThat(alert.externalId()).isEqualTo("2024");
        assertThat(alert.alertTypeName()).isEqualTo("AbnormalSensitiveGroupMembershipChangeSecurityAlert");
        assertThat(alert.name()).isEqualTo("Suspicious additions to sensitive groups");
        assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(alert.techniqueIds()).containsExactly("T1098.007", "T1484");
        assertThat(alert.compromisedEntity()).isEqualTo("THESHIRE\\jdoe");
        assertThat(alert.entities()).anySatisfy(e -> assertThat(e.label()).isEqualTo("mallory"))
                .anySatisfy(e -> assertThat(e.label()).isEqualTo("eve"))
                .anySatisfy(e -> assertThat(e.label()).isEqualTo(DC));
        assertThat(alert.evidenceCount()).isEqualTo(2);
        assertThat(alert.description())
                .isEqualTo("THESHIRE\\jdoe added 2 members (mallory, eve) to the sensitive group Domain Admins.");
        assertThat(alert.extendedProperties()).containsEntry("Group", "Domain Admins")
                .containsEntry("AddedMembers", "mallory, eve");
        assertThat(harness.context().emissions()).hasSize(2).extracting(Alert::id).containsOnly(alert.id());
    }

    @Test
    void builtin_groups_are_recognised_by_sid() {
        harness.feed(memberAdded(at(0), "jdoe", "mallory", new Account("BUILTIN", "Administrateurs", "S-1-5-32-544")));

        assertThat(harness.onlyAlert().description()).endsWith("added mallory to the sensitive group Administrateurs.");
    }

    @Test
    void different_groups_raise_different_alerts() {
        harness.feed(memberAdded(at(0), "jdoe", "mallory", DOMAIN_ADMINS),
                memberAdded(at(1), "jdoe", "mallory", domainGroup("Enterprise Admins", 519)));

        assertThat(harness.alerts()).hasSize(2);
    }

    @Test
    void non_sensitive_groups_removals_and_excluded_actors_do_not_alert() {
        var run = DetectorHarness.of(new SensitiveGroupAdditionDetector(
                new SensitiveGroupAdditionConfig(Duration.ofHours(1), Set.of("svc-idm"))));
        run.feed(memberAdded(at(0), "jdoe", "mallory", MARKETING),
                memberRemoved(at(1), "jdoe", "mallory", DOMAIN_ADMINS),
                memberAdded(at(2), "svc-idm", "newadmin", DOMAIN_ADMINS));

        assertThat(run.alerts()).isEmpty();
    }
}
