package io.vigil.server.pam;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detection.spi.VaultActivity;
import io.vigil.integrations.pam.AccountActivity;
import io.vigil.integrations.pam.AccountActivity.Use;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.store.pam.PamConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckoutSpansTest {

    private static final Instant T = Instant.parse("2026-11-30T06:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(2);

    static PamConnection connection(String id, String vendor, String user, List<String> sessionHosts) {
        return new PamConnection(id, id, vendor, "VAULT_LOGON", "https://vault.example/", null, user, null, sessionHosts,
                true, PamConnection.CONNECTED, null, T, T, 1, T, T);
    }

    private static final PamConnection PVWA = connection("pvwa", "CYBERARK", "vigil-svc", List.of("10.0.0.5"));

    private static AccountActivity record(int minutes, String user, Use use) {
        return new AccountActivity(PamVendor.CYBERARK, "12_3", T.plus(Duration.ofMinutes(minutes)), user, use.name(), null, use);
    }

    private static List<VaultActivity> spans(AccountActivity... records) {
        return CheckoutSpans.of(List.of(records), PVWA, WINDOW);
    }

    @Test
    void aCheckoutLastsUntilTheSameUsersCheckInOrElseTheWindowAndAdmitsAnySource() {
        List<VaultActivity> spans = spans(
                record(30, "carol", Use.CHECKIN),
                record(0, "carol", Use.CHECKOUT),
                record(10, "dan", Use.CHECKOUT),
                record(200, "erin", Use.CHECKOUT),
                record(400, "erin", Use.CHECKIN));

        assertThat(spans).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(VaultActivity.Kind.CHECKOUT);
            assertThat(s.sourceHosts()).isEmpty();
            assertThat(s.vault()).isEqualTo("CyberArk (pvwa)");
        });
        assertThat(spans).filteredOn(s -> s.user().equals("carol")).singleElement()
                .satisfies(s -> assertThat(s.end()).isEqualTo(T.plus(Duration.ofMinutes(30))));
        assertThat(spans).filteredOn(s -> s.user().equals("dan")).singleElement()
                .satisfies(s -> assertThat(s.end()).isEqualTo(T.plus(Duration.ofMinutes(10)).plus(WINDOW)));
        // a check-in later than the window does not stretch the checkout
        assertThat(spans).filteredOn(s -> s.user().equals("erin")).singleElement()
                .satisfies(s -> assertThat(s.end()).isEqualTo(T.plus(Duration.ofMinutes(200)).plus(WINDOW)));
    }

    @Test
    void aLaunchCoversItsMomentFromTheSessionHostsOnly() {
        List<VaultActivity> spans = spans(record(5, "carol", Use.LAUNCH));

        assertThat(spans).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(VaultActivity.Kind.SESSION);
            assertThat(s.sourceHosts()).containsExactly("10.0.0.5");
            assertThat(s.start()).isEqualTo(T.plus(Duration.ofMinutes(5)));
            assertThat(s.end()).isEqualTo(s.start());
        });
    }

    @Test
    void vigilsOwnReadsAndOtherRecordsAreNobodysCheckout() {
        assertThat(spans(record(0, "VIGIL-SVC", Use.CHECKOUT), record(1, "carol", Use.OTHER),
                new AccountActivity(PamVendor.CYBERARK, "12_3", null, "carol", "x", null, Use.CHECKOUT))).isEmpty();
    }
}
