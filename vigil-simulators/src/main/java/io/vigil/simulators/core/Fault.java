package io.vigil.simulators.core;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A misbehaviour to apply to the next {@code times} requests whose path matches: an error status
 * (429 with {@code Retry-After}, 5xx) and/or a delay before answering.
 */
public final class Fault {

    private final int status;
    private final String retryAfter;
    private final Duration delay;
    private final Pattern path;
    private final int times;

    private Fault(int status, String retryAfter, Duration delay, Pattern path, int times) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.path = path;
        this.times = times;
    }

    /** Answer with this status instead of the real route. */
    public static Fault status(int status) {
        return new Fault(status, null, Duration.ZERO, null, 1);
    }

    /** 429 Too Many Requests with the given {@code Retry-After} value (seconds or an HTTP date). */
    public static Fault tooManyRequests(String retryAfter) {
        return new Fault(429, retryAfter, Duration.ZERO, null, 1);
    }

    /** Answer normally, but only after the delay. */
    public static Fault delay(Duration delay) {
        return new Fault(0, null, delay, null, 1);
    }

    public Fault retryAfter(String value) {
        return new Fault(status, value, delay, path, times);
    }

    public Fault times(int n) {
        return new Fault(status, retryAfter, delay, path, n);
    }

    /** Only requests whose path contains a match of this regular expression (case-insensitive). */
    public Fault onPath(String regex) {
        return new Fault(status, retryAfter, delay, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), times);
    }

    int status() {
        return status;
    }

    String retryAfterValue() {
        return retryAfter;
    }

    Duration delayValue() {
        return delay;
    }

    int timesValue() {
        return times;
    }

    boolean applies(RecordedRequest request) {
        return path == null || path.matcher(request.path()).find();
    }
}
