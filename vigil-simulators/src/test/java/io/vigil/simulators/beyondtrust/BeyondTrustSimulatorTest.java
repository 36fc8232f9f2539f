package io.vigil.simulators.beyondtrust;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.simulators.core.Http;
import io.vigil.simulators.core.SimulatorOptions;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Password Safe contract of docs/pam-vendor-apis.md §2, as a raw client sees it. */
class BeyondTrustSimulatorTest {

    private final BeyondTrustSimulator sim = BeyondTrustSimulator.start(
            SimulatorOptions.defaults().withPollsUntilChangeCompletes(2).withFailingChanges("Administrator"));

    @AfterEach
    void stop() {
        sim.close();
    }

    private URI api(String path) {
        return sim.url().resolve(path);
    }

    private String psAuth(String key) {
        return "PS-Auth key=" + key + "; runas=" + sim.options().userName() + ";";
    }

    private Map<String, String> signIn() {
        Http.Answer answer = Http.post(api("Auth/SignAppin"), Map.of("Authorization", psAuth(sim.options().apiKey())), null);
        assertThat(answer.status()).isEqualTo(200);
        String cookie = answer.header("Set-Cookie").split(";")[0];
        return Map.of("Cookie", cookie);
    }

    @Test
    void signAppinOpensACookieSessionForTheRightKey() {
        Http.Answer wrong = Http.post(api("Auth/SignAppin"), Map.of("Authorization", psAuth("0000")), null);
        Http.Answer right = Http.post(api("Auth/SignAppin"), Map.of("Authorization", psAuth(sim.options().apiKey())), null);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Content-Type")).startsWith("text/plain");
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.header("Set-Cookie")).startsWith(BeyondTrustSimulator.SESSION_COOKIE + "=");
        JsonNode user = right.json();
        assertThat(user.get("UserName").stringValue()).isEqualTo("vigil-svc");
        assertThat(user.has("UserId")).isTrue();
        assertThat(user.has("SID")).isTrue();
    }

    @Test
    void theRunAsPasswordMustMatchWhenGiven() {
        String header = psAuth(sim.options().apiKey()) + " pwd=[wrong];";

        assertThat(Http.post(api("Auth/SignAppin"), Map.of("Authorization", header), null).status()).isEqualTo(401);
    }

    @Test
    void oauthTokenOpensTheSessionAtSignAppIn() {
        Http.Answer token = Http.post(api("Auth/Connect/Token"), Http.form(), "grant_type=client_credentials&client_id="
                + "vigil-svc%40cyberark.cloud.12345&client_secret=" + sim.options().clientSecret().replace("!", "%21"));
        Http.Answer session = Http.post(api("Auth/SignAppIn"),
                Map.of("Authorization", "Bearer " + token.json().get("access_token").stringValue()), null);

        assertThat(token.json().get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.header("Set-Cookie")).isNotBlank();
    }

    @Test
    void withoutTheCookieOrAfterSignoutCallsAre401() {
        Map<String, String> cookie = signIn();
        assertThat(Http.get(api("ManagedSystems"), Map.of()).status()).isEqualTo(401);
        assertThat(Http.get(api("ManagedSystems"), cookie).status()).isEqualTo(200);

        assertThat(Http.send("POST", api("Auth/Signout"), cookie, null).status()).isEqualTo(200);

        Http.Answer after = Http.get(api("ManagedSystems"), cookie);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body()).isEqualTo("User not authenticated");
    }

    @Test
    void managedSystemsAreAnArrayWithoutLimitAndAPageWithIt() {
        Map<String, String> cookie = signIn();

        JsonNode all = Http.get(api("ManagedSystems"), cookie).json();
        JsonNode page = Http.get(api("ManagedSystems?limit=1&offset=1"), cookie).json();

        assertThat(all.isArray()).isTrue();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("DirectoryID").isNull()).isFalse();
        assertThat(all.get(1).get("DirectoryID").isNull()).isTrue();
        assertThat(page.get("TotalCount").intValue()).isEqualTo(2);
        assertThat(page.get("Data")).hasSize(1);
        assertThat(page.get("Data").get(0).get("SystemName").stringValue()).isEqualTo("web01.lab.local");
    }

    @Test
    void aSystemsAccountsCarryTheDirectoryNames() {
        Map<String, String> cookie = signIn();

        JsonNode accounts = Http.get(api("ManagedSystems/1/ManagedAccounts"), cookie).json();

        assertThat(accounts).hasSize(2);
        JsonNode sql = accounts.get(0);
        assertThat(sql.get("SAMAccountName").stringValue()).isEqualTo("svc_sql");
        assertThat(sql.get("UserPrincipalName").stringValue()).isEqualTo("svc_sql@lab.local");
        assertThat(sql.get("DistinguishedName").stringValue()).isEqualTo("CN=svc_sql,OU=Admins,DC=lab,DC=local");
        assertThat(sql.get("LastChangeDate").stringValue()).doesNotEndWith("Z");
    }

    @Test
    void roleBasedListingGivesOneObjectForASystemAndAccountName() {
        Map<String, String> cookie = signIn();

        JsonNode list = Http.get(api("ManagedAccounts"), cookie).json();
        JsonNode one = Http.get(api("ManagedAccounts?systemName=lab.local&accountName=LAB%5Cadm_alice"), cookie).json();

        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(3);
        assertThat(one.isObject()).isTrue();
        assertThat(one.get("AccountName").stringValue()).isEqualTo("adm_alice");
        assertThat(one.has("ChangeState")).isTrue();
    }

    @Test
    void aQueuedChangeIs204AndIsChangingUntilItFinishes() {
        Map<String, String> cookie = signIn();
        Map<String, String> post = Map.of("Cookie", cookie.get("Cookie"), "Content-Type", "application/json");

        Http.Answer change = Http.send("POST", api("ManagedAccounts/1/Credentials/Change"), post, "{\"Queue\":true}");
        JsonNode poll1 = Http.get(api("ManagedAccounts/1"), cookie).json();
        JsonNode poll2 = Http.get(api("ManagedAccounts/1"), cookie).json();

        assertThat(change.status()).isEqualTo(204);
        assertThat(poll1.get("IsChanging").booleanValue()).isTrue();
        assertThat(poll2.get("IsChanging").booleanValue()).isFalse();
        assertThat(poll2.get("LastChangeDate").stringValue()).isGreaterThan(poll1.get("LastChangeDate").stringValue());
    }

    @Test
    void anImmediateChangeTheTargetRefusesIsAnError() {
        Map<String, String> post = Map.of("Cookie", signIn().get("Cookie"), "Content-Type", "application/json");

        Http.Answer change = Http.send("POST", api("ManagedAccounts/3/Credentials/Change"), post, "{\"Queue\":false}");

        assertThat(change.status()).isEqualTo(500);
        assertThat(change.body()).startsWith("Password change failed");
    }

    @Test
    void sessionsAreAnArrayFilteredByStatus() {
        Map<String, String> cookie = signIn();

        JsonNode all = Http.get(api("Sessions"), cookie).json();
        JsonNode inProgress = Http.get(api("Sessions?status=1"), cookie).json();

        assertThat(all).hasSize(2);
        assertThat(inProgress).hasSize(1);
        assertThat(inProgress.get(0).get("ManagedAccountName").stringValue()).isEqualTo("svc_sql");
        assertThat(inProgress.get(0).get("EndTime").isNull()).isTrue();
    }

    @Test
    void pathsIgnoreCaseAsOnIis() {
        assertThat(Http.post(api("auth/signappin"), Map.of("Authorization", psAuth(sim.options().apiKey())), null).status())
                .isEqualTo(200);
    }
}
