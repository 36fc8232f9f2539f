package io.vigil.integrations.pam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorErrorTextTest {

    private static String of(String body) {
        return VendorErrorText.of(new PamResponse(400, HttpHeaders.of(Map.of(), (a, b) -> true),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsEachVendorsErrorShape() {
        assertThat(of("{\"ErrorCode\":\"PASWS041E\",\"ErrorMessage\":\"You are not authorized to perform this action.\"}"))
                .isEqualTo("PASWS041E You are not authorized to perform this action.");
        assertThat(of("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client\"}"))
                .isEqualTo("invalid_client Invalid client");
        assertThat(of("{\"message\":\"The request is invalid.\",\"messageDetail\":\"newPassword is required.\","
                + "\"errorCode\":\"API_NewPasswordRequired\"}"))
                .isEqualTo("API_NewPasswordRequired The request is invalid. (newPassword is required.)");
        assertThat(of("\"User not authenticated\"")).isEqualTo("User not authenticated");
        assertThat(of("4033 - Not an approver")).isEqualTo("4033 - Not an approver");
    }

    @Test
    void dropsHtmlPagesAndCutsLongText() {
        assertThat(of("<html><body>IIS error</body></html>")).isEmpty();
        assertThat(of("x".repeat(1000))).hasSize(301).endsWith("…");
    }
}
