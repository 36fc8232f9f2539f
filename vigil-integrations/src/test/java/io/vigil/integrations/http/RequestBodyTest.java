package io.vigil.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RequestBodyTest {

    @Test
    void jsonEscapesSecretsGivenAsChars() {
        char[] password = "p\"a\\s\ns wörd 😀".toCharArray();
        RequestBody body = RequestBody.json("username", "svc", "password", password, "concurrentSession", true,
                "n", 3, "none", null);

        String json = new String(body.bytes(), StandardCharsets.UTF_8);
        var tree = JsonMapper.builder().build().readTree(json);

        assertThat(body.contentType()).isEqualTo("application/json");
        assertThat(tree.get("password").stringValue()).isEqualTo(new String(password));
        assertThat(tree.get("concurrentSession").booleanValue()).isTrue();
        assertThat(tree.get("n").intValue()).isEqualTo(3);
        assertThat(tree.get("none").isNull()).isTrue();
    }

    @Test
    void formEncodesEveryCharacterAndLeavesOutNulls() {
        char[] secret = "a b&c=d+é😀".toCharArray();
        RequestBody body = RequestBody.form("grant_type", "password", "password", secret, "domain", null);

        String form = new String(body.bytes(), StandardCharsets.US_ASCII);

        assertThat(form).startsWith("grant_type=password&password=").doesNotContain("domain");
        assertThat(URLDecoder.decode(form.substring(form.indexOf("password=") + 9), StandardCharsets.UTF_8))
                .isEqualTo(new String(secret));
    }
}
