package io.vigil.detection.spi;

import io.vigil.model.identity.Account;
import java.time.Instant;
import java.util.List;

/**
 * What detectors may ask of the PAM vaults: the sessions and checkouts of an account they recorded.
 * Vaults are read by polling, so what a view holds lags behind the events; {@link #covers} says
 * whether it has caught up with a span of time, and so whether finding nothing means there was nothing.
 * Which accounts a vault manages is the directory's answer ({@link DirectoryView#vaultsManaging}).
 */
public interface VaultActivityView {

    /** No vault connected: nothing recorded, nothing covered. */
    VaultActivityView NONE = new VaultActivityView() {
        @Override
        public List<VaultActivity> activityOf(Account account, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public boolean covers(Account account, Instant from, Instant to) {
            return false;
        }
    };

    /** The account's vault sessions and checkouts that overlap {@code [from, to]}. */
    List<VaultActivity> activityOf(Account account, Instant from, Instant to);

    /**
     * Whether every vault that manages the account has been read for the whole of {@code [from, to]}:
     * only then does an empty {@link #activityOf} mean the vault brokered nothing in that span. Some
     * records are read only when asked for (an account's checkouts), so a false answer may start that
     * reading: a detector that gets false asks again later rather than concluding anything. Cheap and
     * non-blocking, as it is asked from the detection thread.
     */
    boolean covers(Account account, Instant from, Instant to);
}
