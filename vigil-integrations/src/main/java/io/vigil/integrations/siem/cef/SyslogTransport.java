package io.vigil.integrations.siem.cef;

/** How CEF messages travel: RFC 5424 messages over TCP or TLS (octet-counted frames, RFC 6587 / 5425) or UDP (one per datagram, RFC 5426). */
public enum SyslogTransport {
    TCP, TLS, UDP
}
