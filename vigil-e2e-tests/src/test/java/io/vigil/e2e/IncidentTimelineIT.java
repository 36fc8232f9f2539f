package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vigil.model.user.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator opens the purplesharp playbook's incident from the incident list and reads its story:
 * the password spray and the Kerberoasting on one timeline in time order, their evidence between
 * them, the accounts-to-hosts graph; then moves the incident along its status workflow.
 */
@ExtendWith(RunningWorld.class)
class IncidentTimelineIT {

    @Test
    void anOperatorReadsTheAttackTimelineAndTakesTheIncident(Browser browser, VigilWorld world) {
        String kerberoasting = world.api("GET", "/api/v1/alerts?type=kerberoasting&limit=1", null)
                .path("items").get(0).path("id").asString();
        String incidentId = world.api("GET", "/api/v1/alerts/" + kerberoasting, null).path("incidentId").asString();
        String title = world.api("GET", "/api/v1/incidents/" + incidentId, null).path("title").asString();

        Page page = browser.signIn(Role.SECURITY_OPERATOR);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Incidents").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true)).click();
        page.waitForURL(url -> url.endsWith("/incidents/" + incidentId));

        List<String> alertsInOrder = page.locator("ol.timeline li.alert .what strong").allTextContents();
        assertThat(alertsInOrder).hasSize(2);
        List<String> times = page.locator("ol.timeline li time").all().stream()
                .map(t -> t.getAttribute("datetime")).toList();
        assertThat(times).isSortedAccordingTo(String::compareTo);
        assertThat(page.locator("ol.timeline li.evidence").count()).as("evidence between the alerts").isPositive();
        assertThat(page.locator("svg.graph rect").count()).as("accounts and hosts in the graph").isGreaterThanOrEqualTo(2);
        assertThat(page.locator("svg.graph").textContent()).containsIgnoringCase("pgustavo");
        Browser.screenshot(page, "incident-timeline");

        page.getByLabel("Status").selectOption("active");
        page.getByLabel("Assigned to").fill(VigilWorld.USERS.get(Role.SECURITY_OPERATOR));
        page.locator("#triage button[type=submit]").click();
        PlaywrightAssertions.assertThat(page.locator("#triage")).containsText("Saved.");
        page.reload();
        assertThat(page.locator(".page-head").textContent()).contains("Active");
        assertThat(world.api("GET", "/api/v1/incidents/" + incidentId, null).path("status").asString())
                .isEqualTo("active");
        assertThat(browser.problems(page)).isEmpty();
        page.context().close();
    }
}
