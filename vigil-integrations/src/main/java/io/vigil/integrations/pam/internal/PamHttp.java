package io.vigil.integrations.pam.internal;

import io.vigil.integrations.http.Backoff;
import io.vigil.integrations.http.RetryAfter;

import io.vigil.integrations.pam.PamException;
import io.vigil.integrations.pam.PamFailure;
import io.vigil.integrations.pam.PamHttpSettings;
import io.vigil.integrations.pam.PamVendor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Every vault call goes through here: timeouts, one new sign-in when the vendor says the session
 * expired, and bounded retries with exponential back-off and jitter on 429 and 5xx, waiting what
 * {@code Retry-After} says when the vendor says it. What may be retried depends on the call
 * ({@link PamCall.Retry}): a change is only sent again when the answer proves it was not acted on.
 * Failures become {@link PamException}s whose messages have every known secret blanked out.
 */
public final class PamHttp {

    private final PamVendor vendor;
    private final PamHttpSettings settings;
    private final HttpClient client;
    private final Redactor redactor = new Redactor();

    public PamHttp(PamVendor vendor, PamHttpSettings settings) {
        this.vendor = vendor;
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                // never follow redirects: a redirect must not carry the session to another host
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        this.client = builder.build();
    }

    public PamVendor vendor() {
        return vendor;
    }

    public PamHttpSettings settings() {
        return settings;
    }

    public Redactor redactor() {
        return redactor;
    }

    /** A call without a session: sign-in and token endpoints. */
    public PamResponse send(PamCall call) {
        return send(call, null);
    }

    public PamResponse send(PamCall call, Authorizer authorizer) {
        int failures = 0;
        boolean signedInAgain = false;
        while (true) {
            PamResponse response;
            try {
                response = exchange(call, authorizer);
            } catch (HttpTimeoutException e) {
                String what = e instanceof HttpConnectTimeoutException ? "accept a connection for " : "answer ";
                throw fail(call, PamFailure.TIMEOUT, 0, vendor.displayName() + " did not " + what + call.label()
                        + " within " + seconds(e instanceof HttpConnectTimeoutException
                        ? settings.connectTimeout() : settings.requestTimeout()) + ".");
            } catch (IOException e) {
                // a refused connection never reached the vault, so even a change may be sent again
                boolean retryable = e instanceof ConnectException || call.retry() == PamCall.Retry.IDEMPOTENT;
                if (retryable && ++failures < settings.maxAttempts()) {
                    pause(call, backoff(failures));
                    continue;
                }
                throw fail(call, PamFailure.UNREACHABLE, 0, vendor.displayName() + " could not be reached for "
                        + call.label() + ": " + describe(e) + attempts(retryable ? failures : failures + 1) + ".");
            }
            if (authorizer != null && authorizer.isSessionRejected(response)) {
                if (!signedInAgain) {
                    signedInAgain = true;
                    authorizer.sessionRejected();
                    continue;
                }
                throw fail(call, PamFailure.AUTHENTICATION, response.status(), vendor.displayName()
                        + " refused the session even after signing in again (" + response.status() + " to "
                        + call.label() + ")" + vendorText(response) + ".");
            }
            if (response.isSuccess()) {
                return response;
            }
            if (mayRetry(call, response.status()) && ++failures < settings.maxAttempts()) {
                Optional<Duration> told = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                        settings.clock());
                if (told.isPresent() && told.get().compareTo(settings.maxRetryAfter()) > 0) {
                    throw fail(call, failureFor(call, response.status()), response.status(), vendor.displayName()
                            + " answered " + response.status() + " to " + call.label() + " and asked to wait "
                            + seconds(told.get()) + ", longer than Vigil waits (" + seconds(settings.maxRetryAfter())
                            + ")" + vendorText(response) + ".");
                }
                pause(call, told.isPresent() ? told.get() : backoff(failures));
                continue;
            }
            throw fail(call, failureFor(call, response.status()), response.status(), vendor.displayName()
                    + (call.isSignIn() && isCredentialRefusal(response.status()) ? " refused the sign-in: " : " answered ")
                    + response.status() + " to " + call.label() + attempts(failures) + vendorText(response) + ".");
        }
    }

    private PamResponse exchange(PamCall call, Authorizer authorizer) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri())
                .timeout(settings.requestTimeout())
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach(request::header);
        if (authorizer != null) {
            authorizer.authorize(request);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new PamResponse(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(call, PamFailure.INTERRUPTED, 0, "Interrupted while waiting for " + vendor.displayName() + ".");
        }
    }

    /** 429 means the vault refused before acting; 5xx and 408 may come after it acted. */
    private static boolean mayRetry(PamCall call, int status) {
        if (status == 429) {
            return true;
        }
        boolean transientFailure = status >= 500 || status == 408;
        return transientFailure && call.retry() == PamCall.Retry.IDEMPOTENT;
    }

    private static boolean isCredentialRefusal(int status) {
        return status == 400 || status == 401 || status == 403;
    }

    private static PamFailure failureFor(PamCall call, int status) {
        if (call.isSignIn() && isCredentialRefusal(status)) {
            return PamFailure.AUTHENTICATION;
        }
        if (status == 401) {
            return PamFailure.AUTHENTICATION;
        }
        if (status == 403) {
            return PamFailure.PERMISSION;
        }
        if (status == 404) {
            return PamFailure.NOT_FOUND;
        }
        if (status == 429) {
            return PamFailure.RATE_LIMITED;
        }
        if (status >= 500 || status == 408) {
            return PamFailure.VENDOR_ERROR;
        }
        return PamFailure.REJECTED;
    }

    Duration backoff(int failures) {
        return new Backoff(settings.initialBackoff(), settings.maxBackoff()).delay(failures);
    }

    private void pause(PamCall call, Duration wait) {
        try {
            settings.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(call, PamFailure.INTERRUPTED, 0, "Interrupted while waiting to retry " + call.label() + ".");
        }
    }

    private PamException fail(PamCall call, PamFailure failure, int status, String message) {
        return new PamException(vendor, failure, status, redactor.redact(message, call.sensitive()));
    }

    private static String vendorText(PamResponse response) {
        String text = VendorErrorText.of(response);
        return text.isEmpty() ? "" : ": " + text;
    }

    private static String attempts(int failures) {
        return failures > 1 ? " after " + failures + " attempts" : "";
    }

    private static String describe(IOException e) {
        if (e instanceof SSLException) {
            return "TLS failed (" + e.getClass().getSimpleName() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format("%.1f s", ms / 1000.0);
    }
}
