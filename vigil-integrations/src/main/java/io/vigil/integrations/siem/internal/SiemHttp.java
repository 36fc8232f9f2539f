package io.vigil.integrations.siem.internal;

import io.vigil.integrations.http.RetryAfter;
import io.vigil.integrations.siem.DeliveryResult.DeliveryFailure;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * One HTTP POST to a SIEM, answered or turned into a {@link DeliveryFailure}: 429, 408 and 5xx and
 * network failures are retryable (with the server's {@code Retry-After}), other refusals are not.
 * It never retries by itself — the delivery worker does, from the durable outbox — and its
 * messages carry the method and path only, never headers or bodies.
 */
public final class SiemHttp {

    /** A SIEM's answer. */
    public record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {

        public boolean success() {
            return status >= 200 && status < 300;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A POST that got no usable answer. */
    public static final class Unanswered extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient DeliveryFailure failure;

        Unanswered(DeliveryFailure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }

        public DeliveryFailure failure() {
            return failure;
        }
    }

    private final String product;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Clock clock;

    public SiemHttp(String product, Duration connectTimeout, Duration requestTimeout, SSLContext tls, Clock clock) {
        this.product = product;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                // a redirect must not carry the bearer token or the signed body to another host
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
    }

    public Answer post(URI uri, Map<String, String> headers, byte[] body) throws Unanswered {
        return start(uri, headers, body).answer();
    }

    /**
     * Sends the POST and returns at once, so the caller can prepare what comes next while it is on its
     * way; {@link Pending#answer()} waits for the answer.
     */
    public Pending start(URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return new Pending("POST " + uri.getRawPath(), client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** A POST on its way. */
    public final class Pending {

        private final String label;
        private final CompletableFuture<HttpResponse<byte[]>> response;

        private Pending(String label, CompletableFuture<HttpResponse<byte[]>> response) {
            this.label = label;
            this.response = response;
        }

        /** Waits for the answer. */
        public Answer answer() throws Unanswered {
            try {
                HttpResponse<byte[]> answered = response.get();
                return new Answer(answered.statusCode(), answered.headers(), answered.body());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                while (cause instanceof CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                throw unanswered(cause);
            } catch (InterruptedException e) {
                response.cancel(true);
                Thread.currentThread().interrupt();
                throw new Unanswered(DeliveryFailure.retryable(0, null, "Interrupted while sending to " + product + "."));
            }
        }

        private Unanswered unanswered(Throwable cause) {
            if (cause instanceof HttpTimeoutException) {
                String what = cause instanceof HttpConnectTimeoutException ? "accept a connection for " : "answer ";
                return new Unanswered(DeliveryFailure.retryable(0, null, product + " did not " + what + label + " in time."));
            }
            if (cause instanceof ConnectException) {
                return new Unanswered(DeliveryFailure.retryable(0, null, product + " refused the connection for " + label + "."));
            }
            if (cause instanceof SSLException) {
                return new Unanswered(DeliveryFailure.retryable(0, null, product + ": TLS failed for " + label + " ("
                        + cause.getClass().getSimpleName() + ")."));
            }
            return new Unanswered(DeliveryFailure.retryable(0, null, product + " could not be reached for " + label + ": "
                    + cause.getClass().getSimpleName() + "."));
        }
    }

    /** The failure an unsuccessful answer stands for. */
    public DeliveryFailure failure(URI uri, Answer answer) {
        int status = answer.status();
        String text = shortText(answer);
        String message = product + " answered " + status + " to POST " + uri.getRawPath() + (text.isEmpty() ? "" : ": " + text) + ".";
        if (status == 429 || status == 408 || status >= 500) {
            Duration wait = RetryAfter.parse(answer.headers().firstValue("Retry-After").orElse(null), clock).orElse(null);
            return DeliveryFailure.retryable(status, wait, message);
        }
        return DeliveryFailure.permanent(status, message);
    }

    private static String shortText(Answer answer) {
        String raw = answer.text().strip();
        if (raw.startsWith("<")) {
            return "";
        }
        raw = raw.replaceAll("\\s+", " ");
        return raw.length() > 300 ? raw.substring(0, 300) + "…" : raw;
    }
}
