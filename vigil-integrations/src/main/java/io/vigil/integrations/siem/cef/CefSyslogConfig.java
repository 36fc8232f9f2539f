package io.vigil.integrations.siem.cef;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where CEF messages go.
 *
 * @param facility syslog facility (0–23; default 10, security/authorization)
 * @param tls      trust for {@link SyslogTransport#TLS}; null for the JDK's default. The host name is checked.
 * @param hostName what the messages name as their sender
 */
public record CefSyslogConfig(String host, int port, SyslogTransport transport, int facility, SSLContext tls,
                              String hostName, String productVersion, String consoleBaseUrl, Duration connectTimeout) {

    public CefSyslogConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535");
        }
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("facility must be 0-23");
        }
    }

    public static CefSyslogConfig of(String host, int port, SyslogTransport transport, SSLContext tls, String hostName,
                                     String productVersion, String consoleBaseUrl) {
        return new CefSyslogConfig(host, port, transport, 10, tls, hostName, productVersion, consoleBaseUrl,
                Duration.ofSeconds(10));
    }

    public CefSyslogConfig withFacility(int value) {
        return new CefSyslogConfig(host, port, transport, value, tls, hostName, productVersion, consoleBaseUrl, connectTimeout);
    }
}
