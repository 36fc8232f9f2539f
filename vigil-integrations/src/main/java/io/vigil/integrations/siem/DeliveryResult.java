package io.vigil.integrations.siem;

import java.time.Duration;

/**
 * What a {@link SiemExporter#deliver} call achieved: how many leading records the SIEM accepted and,
 * when not all, why the rest were not.
 *
 * @param delivered how many records, from the first, the SIEM accepted
 * @param failure   null when all were accepted
 */
public record DeliveryResult(int delivered, DeliveryFailure failure) {

    public static DeliveryResult all(int count) {
        return new DeliveryResult(count, null);
    }

    public static DeliveryResult partial(int delivered, DeliveryFailure failure) {
        return new DeliveryResult(delivered, failure);
    }

    public boolean complete() {
        return failure == null;
    }

    /**
     * Why the SIEM did not take a record.
     *
     * @param retryable  false when sending the same again cannot succeed until someone fixes the
     *                   configuration or the SIEM (the worker still retries, at its slowest pace, since
     *                   dropping an alert is never an option)
     * @param retryAfter what the SIEM asked to wait ({@code Retry-After}), or null
     * @param httpStatus the SIEM's status, 0 without an answer
     * @param message    for the console; never carries credentials
     */
    public record DeliveryFailure(boolean retryable, Duration retryAfter, int httpStatus, String message) {

        public static DeliveryFailure retryable(int status, Duration retryAfter, String message) {
            return new DeliveryFailure(true, retryAfter, status, message);
        }

        public static DeliveryFailure permanent(int status, String message) {
            return new DeliveryFailure(false, null, status, message);
        }
    }
}
