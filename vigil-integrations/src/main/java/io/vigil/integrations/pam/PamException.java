package io.vigil.integrations.pam;

/**
 * A vault call that failed, with a message fit for the console. Messages never carry credentials
 * or session tokens; the cause is only kept when it cannot carry them either.
 */
public final class PamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PamVendor vendor;
    private final PamFailure failure;
    private final int httpStatus;

    public PamException(PamVendor vendor, PamFailure failure, int httpStatus, String message) {
        super(message);
        this.vendor = vendor;
        this.failure = failure;
        this.httpStatus = httpStatus;
    }

    public PamException(PamVendor vendor, PamFailure failure, String message) {
        this(vendor, failure, 0, message);
    }

    public PamVendor vendor() {
        return vendor;
    }

    public PamFailure failure() {
        return failure;
    }

    /** The vendor's HTTP status, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    public PamOutcome outcome() {
        return PamOutcome.failed(failure, getMessage());
    }
}
