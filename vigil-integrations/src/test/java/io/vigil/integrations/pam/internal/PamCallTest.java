package io.vigil.integrations.pam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.integrations.http.RequestBody;
import org.junit.jupiter.api.Test;

class PamCallTest {

    @Test
    void wipingTheCallZeroesTheBody() {
        RequestBody body = RequestBody.json("password", "secret".toCharArray());
        PamCall call = PamCall.post(java.net.URI.create("http://127.0.0.1/"), body, PamCall.Retry.IDEMPOTENT);

        call.wipe();

        assertThat(body.bytes()).containsOnly((byte) 0);
        assertThat(call.toString()).isEqualTo("POST /");
    }
}
