package io.vigil.simulators.syslog;

import java.util.Map;

/** A CEF record, its header fields and extensions unescaped. */
public record CefEvent(int version, String vendor, String product, String deviceVersion, String signatureId,
                       String name, String severity, Map<String, String> extensions) {

    public String extension(String key) {
        return extensions.get(key);
    }
}
