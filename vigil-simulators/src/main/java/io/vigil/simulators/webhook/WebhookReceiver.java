package io.vigil.simulators.webhook;

import static io.vigil.simulators.core.Json.obj;

import io.vigil.simulators.core.Router;
import io.vigil.simulators.core.SimRequest;
import io.vigil.simulators.core.SimResponse;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.core.VendorSimulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint as a SOC would write one: {@code POST /hooks/vigil} is accepted (204) only when
 * {@code X-Vigil-Signature} is {@code v1=} the hex HMAC-SHA256 of {@code "<X-Vigil-Timestamp>.<body>"}
 * under the shared secret and the timestamp is within the tolerance of its clock; otherwise 401.
 * It keeps the bodies it accepted and counts the ones it refused.
 */
public final class WebhookReceiver extends VendorSimulator {

    public static final String PATH = "/hooks/vigil";

    private final byte[] secret;
    private final Duration tolerance;
    private final Clock clock;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private URI url;

    private WebhookReceiver(String secret, Duration tolerance, Clock clock) {
        super(SimulatorOptions.defaults().withClock(clock));
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    public static WebhookReceiver start(String secret, Duration tolerance, Clock clock) {
        WebhookReceiver receiver = new WebhookReceiver(secret, tolerance, clock);
        receiver.url = receiver.openHost("webhook", 0, new Router().post(PATH, receiver::receive),
                (status, message) -> SimResponse.json(status, obj("error", message)));
        return receiver;
    }

    @Override
    public String vendor() {
        return "Webhook receiver";
    }

    /** The full URL to configure, {@code http://127.0.0.1:port/hooks/vigil}. */
    @Override
    public URI url() {
        return url.resolve(PATH);
    }

    @Override
    public List<String> describe() {
        return List.of("Webhook receiver: " + url());
    }

    /** Bodies whose signature verified, in arrival order. */
    public List<String> acceptedBodies() {
        return List.copyOf(accepted);
    }

    public long refusedCount() {
        return refused.get();
    }

    private SimResponse receive(SimRequest request) {
        String problem = problem(request);
        if (problem != null) {
            refused.incrementAndGet();
            return SimResponse.json(401, obj("error", problem));
        }
        accepted.add(request.body());
        return SimResponse.empty(204);
    }

    private String problem(SimRequest request) {
        String timestamp = request.header("X-Vigil-Timestamp");
        String signature = request.header("X-Vigil-Signature");
        if (timestamp == null || signature == null) {
            return "unsigned request";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "bad timestamp";
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return "timestamp outside the tolerance";
        }
        byte[] expected = ("v1=" + hmac(timestamp.trim(), request.rawBody())).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII)) ? null : "bad signature";
    }

    private String hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
