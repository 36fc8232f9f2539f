package io.vigil.integrations.pam;

/** Why a call to a vault failed, so the console can say what to fix. */
public enum PamFailure {
    /** Credentials refused, or the session was refused even after signing in again. */
    AUTHENTICATION,
    /** Signed in, but not allowed to do this. */
    PERMISSION,
    /** The account (or other object) does not exist in the vault. */
    NOT_FOUND,
    /** The vault refused the request as it stands (bad parameters, conflicting operation, disabled API). */
    REJECTED,
    /** Too many requests, still after waiting as told. */
    RATE_LIMITED,
    /** The vault failed (5xx), still after the bounded retries. */
    VENDOR_ERROR,
    /** No answer within the request timeout. */
    TIMEOUT,
    /** The vault could not be reached (DNS, refused connection, TLS). */
    UNREACHABLE,
    /** The answer did not have the documented shape. */
    PROTOCOL,
    /** The connector's settings are unusable (e.g. no active vault to discover). */
    CONFIGURATION,
    /** The vendor has no API for this. */
    UNSUPPORTED,
    /** The calling thread was interrupted while waiting. */
    INTERRUPTED
}
