package io.vigil.integrations.pam.internal;

import tools.jackson.databind.JsonNode;

/**
 * The human part of a vendor error body, whatever its shape: CyberArk {@code ErrorCode/ErrorMessage}
 * (with {@code Details}), OAuth {@code error/error_description}, {@code code/message}, Delinea
 * {@code message/messageDetail}, a JSON string, or plain text (BeyondTrust). HTML error pages are
 * dropped and the text is cut short.
 */
final class VendorErrorText {

    private static final int MAX = 300;

    private VendorErrorText() {
    }

    static String of(PamResponse response) {
        String raw = response.text().trim();
        if (raw.isEmpty() || raw.startsWith("<")) {
            return "";
        }
        JsonNode json = PamJson.tryParse(raw);
        String text = json == null ? raw : fromJson(json, raw);
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }

    private static String fromJson(JsonNode json, String raw) {
        if (json.isString()) {
            return json.stringValue();
        }
        if (!json.isObject()) {
            return raw;
        }
        String code = PamJson.text(json, "ErrorCode", "errorCode", "code", "error");
        String message = PamJson.text(json, "ErrorMessage", "message", "error_description", "Message");
        String detail = PamJson.text(json, "messageDetail");
        StringBuilder out = new StringBuilder();
        if (code != null) {
            out.append(code);
        }
        if (message != null) {
            out.append(out.length() > 0 ? " " : "").append(message);
        }
        if (detail != null && !detail.equals(message)) {
            out.append(out.length() > 0 ? " (" : "(").append(detail).append(')');
        }
        return out.length() > 0 ? out.toString() : raw;
    }
}
