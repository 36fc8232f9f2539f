package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.vigil.model.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Event fields are attacker-controlled: a DCSync by an account whose user, domain and host names
 * carry script (each payload sets {@code window.vigilInjected} if it runs) is shown in every page
 * that names it as text, and nothing runs.
 */
@ExtendWith(RunningWorld.class)
class HostileNamesIT {

    @Test
    void markupInEventFieldsIsShownAsTextAndNeverRuns(Browser browser, VigilWorld world) {
        JsonNode alert = world.api("GET", "/api/v1/alerts?type=dcsync&entity=vigilInjected&limit=1", null)
                .path("items").get(0);
        assertThat(alert).as("the hostile DCSync alert").isNotNull();
        String alertId = alert.path("id").asString();
        String incidentId = world.api("GET", "/api/v1/alerts/" + alertId, null).path("incidentId").asString();

        Page page = browser.signIn(Role.SECURITY_OPERATOR);
        for (String path : new String[] {"/", "/alerts", "/alerts/" + alertId, "/incidents", "/incidents/" + incidentId,
                "/identities?search=vigilInjected"}) {
            page.navigate(path);
            assertThat(page.evaluate("() => window.vigilInjected === undefined")).as(path).isEqualTo(true);
            assertThat(page.locator("main img[src=x], main iframe, main script, main svg[onload]").count()).as(path).isZero();
        }
        page.navigate("/alerts/" + alertId);
        assertThat(page.locator("main").innerText()).contains(VigilWorld.HOSTILE_ACCOUNT);
        page.locator("main a", new Page.LocatorOptions().setHasText(VigilWorld.HOSTILE_ACCOUNT)).first().click();
        page.waitForURL(url -> url.contains("/identities/"));
        assertThat(page.evaluate("() => window.vigilInjected === undefined")).isEqualTo(true);
        assertThat(page.locator("h1").innerText()).contains(VigilWorld.HOSTILE_ACCOUNT);
        Browser.screenshot(page, "hostile-identity");
        assertThat(browser.problems(page)).isEmpty();
        page.context().close();
    }
}
