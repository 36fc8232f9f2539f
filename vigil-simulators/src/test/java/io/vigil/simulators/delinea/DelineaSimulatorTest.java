package io.vigil.simulators.delinea;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulators.core.CheckoutRecord;
import io.vigil.simulators.core.Http;
import io.vigil.simulators.core.SimulatorOptions;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Secret Server and Platform contract of docs/pam-vendor-apis.md §3, as a raw client sees it. */
class DelineaSimulatorTest {

    private final DelineaSimulator sim = DelineaSimulator.start(
            SimulatorOptions.defaults().withPollsUntilChangeCompletes(2).withFailingChanges("adm_alice"));

    @AfterEach
    void stop() {
        sim.close();
    }

    private URI ss(String path) {
        return sim.url().resolve(path);
    }

    private Map<String, String> bearer() {
        Http.Answer token = Http.post(ss("oauth2/token"), Http.form(),
                "grant_type=password&username=vigil-svc&password=" + sim.options().password().replace("!", "%21"));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("expires_in").longValue()).isPositive();
        return Map.of("Authorization", "Bearer " + token.json().get("access_token").stringValue());
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        Http.Answer answer = Http.post(ss("oauth2/token"), Http.form(), "grant_type=password&username=vigil-svc&password=x");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().has("access_token")).isFalse();
        assertThat(answer.json().get("error").stringValue()).isEqualTo("invalid_grant");
    }

    @Test
    void aMissingOrExpiredTokenIs403WithAMessage() {
        Map<String, String> bearer = bearer();
        assertThat(Http.get(ss("api/v1/secrets"), Map.of()).status()).isEqualTo(403);

        sim.expireSessions();

        Http.Answer expired = Http.get(ss("api/v1/secrets"), bearer);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.json().get("message").stringValue()).contains("Authentication failed");
    }

    @Test
    void secretsPageInTheEnvelopeAndExtendedFieldsAreOnlyThoseAskedFor() {
        Map<String, String> bearer = bearer();

        JsonNode first = Http.get(ss("api/v1/secrets?skip=0&take=2&filter.extendedFields=Domain"), bearer).json();
        JsonNode last = Http.get(ss("api/v1/secrets?skip=" + first.get("nextSkip").intValue() + "&take=2"), bearer).json();

        assertThat(first.get("records")).hasSize(2);
        assertThat(first.get("total").intValue()).isEqualTo(3);
        assertThat(first.get("hasNext").booleanValue()).isTrue();
        assertThat(first.get("nextSkip").intValue()).isEqualTo(2);
        assertThat(first.get("records").get(0).get("extendedFields")).hasSize(1);
        assertThat(first.get("records").get(0).get("extendedFields").get(0).get("value").stringValue()).isEqualTo("LAB");
        assertThat(last.get("hasNext").booleanValue()).isFalse();
        assertThat(last.get("records").get(0).get("extendedFields")).isEmpty();
        assertThat(first.get("records").get(0).get("lastPasswordChangeAttempt").stringValue()).endsWith("Z");
    }

    @Test
    void changePasswordNeedsANewPasswordAndIsFollowedThroughStateAndSummary() {
        Map<String, String> bearer = bearer();
        Map<String, String> post = Map.of("Authorization", bearer.get("Authorization"), "Content-Type", "application/json");

        Http.Answer missing = Http.send("POST", ss("api/v1/secrets/1/change-password"), post, "{}");
        Http.Answer accepted = Http.send("POST", ss("api/v1/secrets/1/change-password"), post,
                "{\"newPassword\":\"N3w-Passw0rd!x\"}");
        JsonNode state1 = Http.get(ss("api/v1/secrets/1/state"), bearer).json();
        JsonNode state2 = Http.get(ss("api/v1/secrets/1/state"), bearer).json();
        JsonNode summary = Http.get(ss("api/v1/secrets/1/summary"), bearer).json();

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().has("modelState")).isTrue();
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("id").intValue()).isEqualTo(1);
        assertThat(state1.get("passwordChangePending").booleanValue()).isTrue();
        assertThat(state2.get("passwordChangePending").booleanValue()).isFalse();
        assertThat(summary.get("isOutOfSync").booleanValue()).isFalse();
    }

    @Test
    void aFailedChangeLeavesTheSecretOutOfSyncWithAReason() {
        Map<String, String> bearer = bearer();
        Map<String, String> post = Map.of("Authorization", bearer.get("Authorization"), "Content-Type", "application/json");
        Http.send("POST", ss("api/v1/secrets/2/change-password"), post, "{\"newPassword\":\"N3w-Passw0rd!x\"}");
        Http.get(ss("api/v1/secrets/2/state"), bearer);
        Http.get(ss("api/v1/secrets/2/state"), bearer);

        JsonNode summary = Http.get(ss("api/v1/secrets/2/summary"), bearer).json();

        assertThat(summary.get("isOutOfSync").booleanValue()).isTrue();
        assertThat(summary.get("outOfSyncReason").stringValue()).isNotBlank();
    }

    @Test
    void platformTokenNeedsTheHeadlessScopeAndTheBrokerNamesTheDefaultVault() {
        URI token = sim.platformUrl().resolve("identity/api/oauth2/token/xpmplatform");
        String credentials = "grant_type=client_credentials&client_id=vigil-svc%40cyberark.cloud.12345&client_secret="
                + sim.options().clientSecret().replace("!", "%21");

        Http.Answer noScope = Http.post(token, Http.form(), credentials);
        Http.Answer ok = Http.post(token, Http.form(), credentials + "&scope=xpmheadless");
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + ok.json().get("access_token").stringValue());
        JsonNode vaults = Http.get(sim.platformUrl().resolve("vaultbroker/api/vaults"), bearer).json().get("vaults");

        assertThat(noScope.status()).isEqualTo(400);
        assertThat(noScope.json().get("error").stringValue()).isEqualTo("invalid_scope");
        assertThat(ok.json().get("session_expires_in").longValue()).isPositive();
        assertThat(vaults).hasSize(2);
        JsonNode active = vaults.get(1);
        assertThat(active.get("isDefault").booleanValue()).isTrue();
        assertThat(active.get("connection").get("url").stringValue()).isEqualTo(sim.url().toString());
        assertThat(Http.get(ss("api/v1/secrets"), bearer).status()).as("the platform token works on the vault").isEqualTo(200);
    }

    @Test
    void recordedSessionsFilterByStartDateAndAuditsComeNewestFirst() {
        Map<String, String> bearer = bearer();
        String since = sim.vault().sessions().get(1).start().minusSeconds(1).toString();

        JsonNode sessions = Http.get(ss("api/v1/recorded-sessions?filter.startDate=" + since), bearer).json();
        JsonNode audits = Http.get(ss("api/v1/secrets/2/audits?take=10"), bearer).json();

        assertThat(sessions.get("records")).hasSize(1);
        assertThat(sessions.get("records").get(0).get("secretSessionUserName").stringValue()).isEqualTo("svc_sql");
        assertThat(sessions.get("records").get(0).get("active").booleanValue()).isTrue();
        assertThat(audits.get("records").get(0).get("action").stringValue()).isEqualTo("LAUNCH");
        assertThat(audits.get("records").get(1).get("action").stringValue()).isEqualTo("VIEW");
    }

    @Test
    void aCheckoutRecordedInTheVaultIsAuditedAsCheckoutAndCheckInOfThatSecretOnly() {
        Instant out = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.MINUTES);
        sim.vault().addCheckout(new CheckoutRecord("c1", "carol", "adm_alice", out, out.plus(10, ChronoUnit.MINUTES)));
        Map<String, String> bearer = bearer();

        JsonNode alice = Http.get(ss("api/v1/secrets/2/audits?take=10"), bearer).json();
        JsonNode sql = Http.get(ss("api/v1/secrets/1/audits?take=10"), bearer).json();

        assertThat(alice.get("records").get(0).get("action").stringValue()).isEqualTo("CHECKIN");
        assertThat(alice.get("records").get(0).get("dateRecorded").stringValue()).isEqualTo(out.plus(10, ChronoUnit.MINUTES).toString());
        assertThat(alice.get("records").get(1).get("action").stringValue()).isEqualTo("CHECKOUT");
        assertThat(alice.get("records").get(1).get("username").stringValue()).isEqualTo("carol");
        assertThat(alice.get("total").intValue()).isEqualTo(4);
        assertThat(sql.get("records")).extracting(r -> r.get("action").stringValue()).doesNotContain("CHECKOUT", "CHECKIN");
    }
}
