package io.vigil.integrations.siem.internal;

import io.vigil.integrations.siem.DeliveryResult.DeliveryFailure;

/** Carries a {@link DeliveryFailure} out of code that cannot return one (a token supplier). No stack trace, no secrets. */
public final class SiemFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient DeliveryFailure failure;

    public SiemFailureException(DeliveryFailure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    public DeliveryFailure failure() {
        return failure;
    }
}
