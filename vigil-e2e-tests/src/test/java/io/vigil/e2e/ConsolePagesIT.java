package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.vigil.model.user.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every main page, as a global administrator sees it with the world's data: a screenshot of each
 * (target/screenshots, kept as build artifacts), and in each the checks a reviewer would make of the
 * screenshot — styled, nothing wider than the window, cut off or overlapping, no image missing, no
 * console or CSP error.
 */
@ExtendWith(RunningWorld.class)
class ConsolePagesIT {

    @Test
    void everyMainPageRendersCleanly(Browser browser, VigilWorld world) {
        String alert = world.api("GET", "/api/v1/alerts?type=kerberoasting&limit=1", null).path("items").get(0)
                .path("id").asString();
        String incident = world.api("GET", "/api/v1/alerts/" + alert, null).path("incidentId").asString();
        String identity = world.api("GET", "/api/v1/identities?search=svc_sql", null).path("items").get(0)
                .path("id").asString();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("identities", "/identities");
        pages.put("identity", "/identities/" + identity);
        pages.put("alerts", "/alerts");
        pages.put("alert", "/alerts/" + alert);
        pages.put("incidents", "/incidents");
        pages.put("incident", "/incidents/" + incident);
        pages.put("settings-integrations", "/settings/integrations");
        pages.put("settings-detectors", "/settings/detectors");
        pages.put("settings-users", "/settings/users");
        pages.put("settings-audit", "/settings/audit");

        Page page = browser.signIn(Role.GLOBAL_ADMIN);
        List<String> problems = new ArrayList<>();
        pages.forEach((name, path) -> {
            var answer = page.navigate(path);
            if (answer.status() != 200) {
                problems.add(name + ": HTTP " + answer.status());
                return;
            }
            Browser.screenshot(page, name);
            LayoutCheck.problems(page).forEach(p -> problems.add(name + ": " + p));
        });
        browser.problems(page).forEach(p -> problems.add("in the browser: " + p));
        assertThat(problems).isEmpty();
        page.context().close();
    }

    @Test
    void theSignInPageIsStyledToo(Browser browser) {
        Page page = browser.anonymous();
        page.navigate("/identities");
        page.waitForURL(url -> url.contains("/login"));
        Browser.screenshot(page, "sign-in");
        assertThat(LayoutCheck.problems(page)).isEmpty();
        assertThat(browser.problems(page)).isEmpty();
        page.context().close();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void theNavigationOffersEachRoleOnlyWhatItMayOpen(Role role, Browser browser) {
        Page page = browser.signIn(role);
        List<String> entries = page.locator("nav.sidebar a").allTextContents().stream().map(String::strip).toList();
        assertThat(entries).contains("Overview", "Identities", "Alerts", "Incidents", "Integrations", "Detectors");
        assertThat(entries.contains("Users and roles")).isEqualTo(role == Role.GLOBAL_ADMIN);
        assertThat(entries.contains("Audit log")).isEqualTo(role.includes(Role.SECURITY_ADMIN));
        if (role != Role.GLOBAL_ADMIN) {
            assertThat(page.navigate("/settings/users").status()).isEqualTo(403);
        }
        page.context().close();
    }
}
