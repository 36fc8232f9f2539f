package io.vigil.integrations.siem.webhook;

import io.vigil.integrations.secret.SecretSupplier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/** Where the webhook posts and the secret it signs with. */
public record WebhookConfig(URI url, SecretSupplier signingSecret, String consoleBaseUrl, Duration connectTimeout,
                            Duration requestTimeout, SSLContext tls, Clock clock) {

    public WebhookConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(signingSecret, "signingSecret");
        String scheme = url.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("a webhook URL is http(s)");
        }
    }

    public static WebhookConfig of(URI url, SecretSupplier signingSecret, String consoleBaseUrl) {
        return new WebhookConfig(url, signingSecret, consoleBaseUrl, Duration.ofSeconds(10), Duration.ofSeconds(30), null,
                Clock.systemUTC());
    }

    public WebhookConfig withClock(Clock value) {
        return new WebhookConfig(url, signingSecret, consoleBaseUrl, connectTimeout, requestTimeout, tls, value);
    }

    @Override
    public String toString() {
        return "WebhookConfig[" + url + ", secret ****]";
    }
}
