package io.vigil.simulators.cyberark;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulators.core.CheckoutRecord;
import io.vigil.simulators.core.Fault;
import io.vigil.simulators.core.Http;
import io.vigil.simulators.core.SimulatorOptions;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The PVWA and Identity contract of docs/pam-vendor-apis.md §1, as a raw client sees it. */
class CyberArkSimulatorTest {

    private final CyberArkSimulator sim = CyberArkSimulator.start(SimulatorOptions.defaults().withPollsUntilChangeCompletes(2));

    @AfterEach
    void stop() {
        sim.close();
    }

    private URI api(String path) {
        return sim.url().resolve("API/" + path);
    }

    private String logOn() {
        Http.Answer answer = Http.post(api("auth/CyberArk/Logon"), Http.json(),
                "{\"username\":\"vigil-svc\",\"password\":\"" + sim.options().password() + "\",\"concurrentSession\":true}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().isString()).as("Gen2 logon answers a bare JSON string").isTrue();
        return answer.json().stringValue();
    }

    @Test
    void logonRefusesAWrongPasswordWithAnErrorCodeAndMessage() {
        Http.Answer answer = Http.post(api("auth/LDAP/Logon"), Http.json(), "{\"username\":\"vigil-svc\",\"password\":\"nope\"}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("ErrorCode").stringValue()).isEqualTo("ITATS127E");
        assertThat(answer.json().get("ErrorMessage").stringValue()).contains("Authentication failure");
    }

    @Test
    void callsWithoutAValidTokenAre401AndAnExpiredSessionToo() {
        assertThat(Http.get(api("Accounts"), Map.of()).status()).isEqualTo(401);
        String token = logOn();
        assertThat(Http.get(api("Accounts"), Map.of("Authorization", token)).status()).isEqualTo(200);

        sim.expireSessions();

        Http.Answer expired = Http.get(api("Accounts"), Map.of("Authorization", token));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().has("ErrorCode")).isTrue();
    }

    @Test
    void accountsPageByOffsetAndLimitWithARelativeNextLink() {
        String token = logOn();

        JsonNode first = Http.get(api("Accounts?offset=0&limit=2"), Map.of("Authorization", token)).json();
        JsonNode last = Http.get(sim.url().resolve(first.get("nextLink").stringValue()), Map.of("Authorization", token)).json();

        assertThat(first.get("count").intValue()).isEqualTo(3);
        assertThat(first.get("value")).hasSize(2);
        assertThat(first.get("nextLink").stringValue()).isEqualTo("api/Accounts?offset=2&limit=2");
        assertThat(last.get("value")).hasSize(1);
        assertThat(last.has("nextLink")).isFalse();
        JsonNode account = first.get("value").get(0);
        assertThat(account.get("id").stringValue()).matches("\\d+_\\d+");
        assertThat(account.get("userName").stringValue()).isEqualTo("svc_sql");
        assertThat(account.get("address").stringValue()).isEqualTo("lab.local");
        assertThat(account.get("platformAccountProperties").get("LogonDomain").stringValue()).isEqualTo("LAB");
        assertThat(account.get("secretManagement").get("lastModifiedTime").isIntegralNumber()).as("Unix seconds").isTrue();
        assertThat(account.has("secret")).isFalse();
    }

    @Test
    void filtersBySafeAndModificationTime() {
        String token = logOn();
        String safe = Http.get(api("Accounts?filter=safeName%20eq%20Servers%20Safe"), Map.of("Authorization", token))
                .json().get("count").asString();
        String future = Http.get(api("Accounts?filter=modificationTime%20gte%204102444800"), Map.of("Authorization", token))
                .json().get("count").asString();

        assertThat(safe).isEqualTo("1");
        assertThat(future).isEqualTo("0");
    }

    @Test
    void changeFlagsTheAccountAndTheCpmFinishesAfterTheConfiguredPolls() {
        String token = logOn();
        String id = sim.accountId(sim.vault().byUserName("svc_sql").orElseThrow());
        long before = Http.get(api("Accounts/" + id), Map.of("Authorization", token)).json()
                .get("secretManagement").get("lastModifiedTime").longValue();

        Http.Answer change = Http.post(api("Accounts/" + id + "/Change"), Http.json(), "{\"ChangeEntireGroup\":true}");
        assertThat(change.status()).as("no token").isEqualTo(401);
        change = Http.send("POST", api("Accounts/" + id + "/Change"),
                Map.of("Authorization", token, "Content-Type", "application/json"), "{\"ChangeCredsForGroup\":false}");
        JsonNode poll1 = Http.get(api("Accounts/" + id), Map.of("Authorization", token)).json().get("secretManagement");
        JsonNode poll2 = Http.get(api("Accounts/" + id), Map.of("Authorization", token)).json().get("secretManagement");

        assertThat(change.status()).isEqualTo(200);
        assertThat(change.body()).isEmpty();
        assertThat(poll1.get("status").stringValue()).isEqualTo("inProcess");
        assertThat(poll2.get("status").stringValue()).isEqualTo("success");
        assertThat(poll2.get("lastModifiedTime").longValue()).isGreaterThan(before);
    }

    @Test
    void liveSessionsAndRecordingsComeWithTheirTotals() {
        String token = logOn();

        JsonNode live = Http.get(api("LiveSessions?Limit=10&Offset=0"), Map.of("Authorization", token)).json();
        JsonNode recorded = Http.get(api("Recordings"), Map.of("Authorization", token)).json();

        assertThat(live.get("Total").intValue()).isEqualTo(1);
        assertThat(live.get("LiveSessions").get(0).get("AccountUsername").stringValue()).isEqualTo("svc_sql");
        assertThat(live.get("LiveSessions").get(0).get("IsLive").booleanValue()).isTrue();
        assertThat(recorded.get("Recordings").get(0).get("Start").isIntegralNumber()).isTrue();
        assertThat(recorded.get("Recordings").get(0).get("RemoteMachine").stringValue()).isEqualTo("dc01.lab.local");
    }

    @Test
    void identityIssuesBearerTokensForClientCredentialsOnItsOwnHost() {
        URI token = sim.identityUrl().resolve("oauth2/platformtoken");
        Http.Answer wrong = Http.post(token, Http.form(), "grant_type=client_credentials&client_id=x&client_secret=y");
        Http.Answer right = Http.post(token, Http.form(), "grant_type=client_credentials&client_id="
                + "vigil-svc%40cyberark.cloud.12345&client_secret=" + sim.options().clientSecret().replace("!", "%21"));

        assertThat(sim.identityUrl().getPort()).isNotEqualTo(sim.url().getPort());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").stringValue()).isEqualTo("invalid_client");
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json().get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(right.json().get("expires_in").longValue()).isPositive();
        String bearer = "Bearer " + right.json().get("access_token").stringValue();
        assertThat(Http.get(api("Accounts"), Map.of("Authorization", bearer)).status()).isEqualTo(200);
    }

    @Test
    void logoffEndsTheSession() {
        String token = logOn();

        Http.Answer logoff = Http.send("POST", api("Auth/Logoff"), Map.of("Authorization", token), null);

        assertThat(logoff.status()).isEqualTo(200);
        assertThat(Http.get(api("Accounts"), Map.of("Authorization", token)).status()).isEqualTo(401);
    }

    @Test
    void injectedFaultsAnswerInTheVendorsShapeAndAreUsedUp() {
        String token = logOn();
        sim.faults().inject(Fault.tooManyRequests("5").times(2).onPath("/Accounts$"));

        Http.Answer first = Http.get(api("Accounts"), Map.of("Authorization", token));
        Http.Answer second = Http.get(api("Accounts"), Map.of("Authorization", token));
        Http.Answer third = Http.get(api("Accounts"), Map.of("Authorization", token));

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("5");
        assertThat(first.json().has("ErrorCode")).isTrue();
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
        assertThat(sim.requestsTo("/API/Accounts")).hasSize(3);
    }

    @Test
    void accountActivitiesListRetrievalsCheckInsAndPsmConnectionsNewestFirstInUnixSeconds() {
        Instant out = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.MINUTES);
        sim.vault().addCheckout(new CheckoutRecord("c1", "carol", "adm_alice", out, out.plus(10, ChronoUnit.MINUTES)));
        String token = logOn();
        String alice = sim.accountId(sim.vault().byUserName("adm_alice").orElseThrow());

        Http.Answer answer = Http.get(api("Accounts/" + alice + "/Activities"), Map.of("Authorization", token));
        Http.Answer missing = Http.get(api("Accounts/99_99/Activities"), Map.of("Authorization", token));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode activities = answer.json().get("Activities");
        assertThat(activities).extracting(a -> a.get("Action").stringValue())
                .containsExactly("Check In", "Retrieve password", "PSM Disconnect", "PSM Connect");
        assertThat(activities.get(1).get("ActionID").intValue()).isEqualTo(295);
        assertThat(activities.get(1).get("Date").longValue()).isEqualTo(out.getEpochSecond());
        assertThat(activities.get(1).get("User").stringValue()).isEqualTo("carol");
        assertThat(activities.get(3).get("ActionID").intValue()).isEqualTo(300);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("ErrorCode").stringValue()).isEqualTo("PASWS165E");
    }
}
