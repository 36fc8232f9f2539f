package io.vigil.simulators.core;

import java.time.Instant;

/**
 * A password the simulated vault handed to a person: {@code vaultUser} checked out (retrieved) the
 * password of {@code accountUserName} at {@code checkedOut} and gave it back at {@code checkedIn}, or
 * still holds it (null). Vendors audit it in their own words.
 */
public record CheckoutRecord(String id, String vaultUser, String accountUserName, Instant checkedOut,
                             Instant checkedIn) {
}
