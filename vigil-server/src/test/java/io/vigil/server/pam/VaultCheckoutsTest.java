package io.vigil.server.pam;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.spi.VaultActivity;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.server.directory.VaultReference;
import io.vigil.server.pam.VaultCheckouts.Reading;
import io.vigil.server.pam.VaultCheckouts.Span;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VaultCheckoutsTest {

    private static final Instant T = Instant.parse("2026-11-30T06:00:00Z");
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final VaultReference CYBERARK = new VaultReference("pvwa", PamVendor.CYBERARK, "12_3");
    private static final VaultReference BEYONDTRUST = new VaultReference("ps", PamVendor.BEYONDTRUST, "7");

    private final VaultCheckouts checkouts = new VaultCheckouts();

    /** Every identity here is managed through the CyberArk connection. */
    private static List<VaultReference> refs(UUID identity) {
        return List.of(CYBERARK);
    }

    private static VaultActivity checkout(String id, Instant start, Instant end) {
        return new VaultActivity(VaultActivity.Kind.CHECKOUT, "CyberArk (pvwa)", id, "carol", Set.of(), null, start, end);
    }

    @Test
    void anIdentityWaitsOnceWithItsSpansMergedUntilTheWholeSpanHasPassed() {
        checkouts.want(ALICE, T, T.plusSeconds(600));
        checkouts.want(ALICE, T.minusSeconds(3600), T.minusSeconds(3000));
        checkouts.want(BOB, T, T.plusSeconds(1200));

        assertThat(checkouts.waiting()).isEqualTo(2);
        assertThat(checkouts.takeDue(T.plusSeconds(599))).isEmpty();
        assertThat(checkouts.takeDue(T.plusSeconds(600)))
                .containsExactly(java.util.Map.entry(ALICE, new Span(T.minusSeconds(3600), T.plusSeconds(600))));
        assertThat(checkouts.waiting()).isEqualTo(1);
        assertThat(checkouts.takeDue(T.plusSeconds(600))).isEmpty();
    }

    @Test
    void whenFullNewIdentitiesAreCountedAndLeftOutWhileThoseWaitingStillMerge() {
        for (int i = 0; i < VaultCheckouts.MAX_WAITING; i++) {
            checkouts.want(UUID.randomUUID(), T, T);
        }
        checkouts.want(ALICE, T, T);
        checkouts.want(ALICE, T, T);

        assertThat(checkouts.waiting()).isEqualTo(VaultCheckouts.MAX_WAITING);
        assertThat(checkouts.notQueued()).isEqualTo(2);
    }

    @Test
    void aVendorWithoutAccountAuditsAnswersAtOnceAndAnAuditingOneOnlyOnceRead() {
        assertThat(checkouts.answers(BEYONDTRUST, ALICE, T, T.plusSeconds(60))).isTrue();
        assertThat(checkouts.answers(CYBERARK, ALICE, T, T.plusSeconds(60))).isFalse();

        checkouts.publish("pvwa", ALICE, new Reading(T.minusSeconds(60), T.plusSeconds(120), List.of()));

        assertThat(checkouts.answers(CYBERARK, ALICE, T, T.plusSeconds(60))).isTrue();
        assertThat(checkouts.answers(CYBERARK, ALICE, T, T.plusSeconds(121))).isFalse();
        assertThat(checkouts.answers(CYBERARK, ALICE, T.minusSeconds(61), T)).isFalse();
        assertThat(checkouts.answers(CYBERARK, BOB, T, T.plusSeconds(60))).isFalse();
    }

    @Test
    void aVaultWithoutTheApiAnswersBySessionsAloneUntilItsConnectionIsForgotten() {
        checkouts.publish("pvwa", ALICE, new Reading(T, T.plusSeconds(60), List.of(checkout("a", T, T.plusSeconds(30)))));

        checkouts.unsupported("pvwa");

        assertThat(checkouts.reads(CYBERARK)).isFalse();
        assertThat(checkouts.answers(CYBERARK, BOB, T, T)).isTrue();
        assertThat(checkouts.activityOf(ALICE, refs(ALICE), T, T.plusSeconds(60))).isEmpty();
        checkouts.forget("pvwa");
        assertThat(checkouts.reads(CYBERARK)).isTrue();
    }

    @Test
    void overlappingReadingsMergeAndTheirCheckoutsAreFoundByOverlap() {
        checkouts.publish("pvwa", ALICE, new Reading(T, T.plusSeconds(600), List.of(checkout("a", T, T.plusSeconds(60)))));
        checkouts.publish("pvwa", ALICE, new Reading(T.plusSeconds(300), T.plusSeconds(1200),
                List.of(checkout("b", T.plusSeconds(900), T.plusSeconds(1000)))));

        assertThat(checkouts.answers(CYBERARK, ALICE, T, T.plusSeconds(1200))).isTrue();
        assertThat(checkouts.activityOf(ALICE, refs(ALICE), T, T.plusSeconds(1200))).extracting(VaultActivity::id)
                .containsExactlyInAnyOrder("a", "b");
        assertThat(checkouts.activityOf(ALICE, refs(ALICE), T.plusSeconds(120), T.plusSeconds(800))).isEmpty();
        assertThat(checkouts.activityOf(BOB, refs(BOB), T, T.plusSeconds(1200))).isEmpty();
    }

    @Test
    void aReadingAfterAGapReplacesTheOlderOneAndOldReadingsArePruned() {
        checkouts.publish("pvwa", ALICE, new Reading(T, T.plusSeconds(60), List.of(checkout("a", T, T.plusSeconds(60)))));
        checkouts.publish("pvwa", ALICE, new Reading(T.plusSeconds(3600), T.plusSeconds(3700), List.of()));

        assertThat(checkouts.answers(CYBERARK, ALICE, T, T.plusSeconds(60))).isFalse();
        assertThat(checkouts.answers(CYBERARK, ALICE, T.plusSeconds(3600), T.plusSeconds(3700))).isTrue();
        assertThat(checkouts.activityOf(ALICE, refs(ALICE), T, T.plusSeconds(60))).isEmpty();

        checkouts.publish("other", BOB, new Reading(T, T.plusSeconds(60), List.of()));
        checkouts.prune(T.plusSeconds(61));
        assertThat(checkouts.readings()).isEqualTo(1);
    }
}
