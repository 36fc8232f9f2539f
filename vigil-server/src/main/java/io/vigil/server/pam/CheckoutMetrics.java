package io.vigil.server.pam;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The on-demand checkout look-ups: {@code vigil_pam_checkout_lookups_total} (account audits read),
 * {@code vigil_pam_checkout_lookup_failures_total} (look-up cycles of a connection that failed and backed
 * off), {@code vigil_pam_checkout_waiting} (identities waiting for a look-up),
 * {@code vigil_pam_checkout_not_queued_total} (asks refused because the queue was full) and
 * {@code vigil_pam_checkout_readings} (connection and identity readings held).
 */
@Component
class CheckoutMetrics implements MeterBinder {

    private final VaultCheckouts checkouts;
    private final CheckoutLookups lookups;

    CheckoutMetrics(VaultCheckouts checkouts, CheckoutLookups lookups) {
        this.checkouts = checkouts;
        this.lookups = lookups;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("vigil.pam.checkout.lookups", lookups, CheckoutLookups::lookups)
                .description("account audit trails read for sign-ins the vault sessions do not explain").register(registry);
        FunctionCounter.builder("vigil.pam.checkout.lookup.failures", lookups, CheckoutLookups::failures)
                .description("look-up cycles of a vault connection that failed and backed off").register(registry);
        FunctionCounter.builder("vigil.pam.checkout.not.queued", checkouts, VaultCheckouts::notQueued)
                .description("asks for checkouts refused because the look-up queue was full").register(registry);
        Gauge.builder("vigil.pam.checkout.waiting", checkouts, VaultCheckouts::waiting)
                .description("identities waiting for a checkout look-up").register(registry);
        Gauge.builder("vigil.pam.checkout.readings", checkouts, VaultCheckouts::readings)
                .description("checkout readings held, one per vault connection and identity").register(registry);
    }
}
