package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.vigil.model.user.Role;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Defender for Identity's response flow in the console: Assets > Identities, filter on the vault,
 * open the identity, ⋯ > "Reset password by <vendor>", give a reason, and watch the state reach
 * "Succeeded" without reloading; the audit log records who did it. A reader never sees the action.
 */
@ExtendWith(RunningWorld.class)
class PasswordResetFlowIT {

    @ParameterizedTest
    @ValueSource(strings = {"CyberArk", "BeyondTrust", "Delinea"})
    void aSecurityAdminResetsAVaultManagedPasswordAndWatchesItSucceed(String vendor, Browser browser, VigilWorld world) {
        String account = VigilWorld.MANAGED.get(vendor);
        Page page = browser.signIn(Role.SECURITY_ADMIN);

        openManagedIdentity(page, vendor, account);
        assertThat(page.locator(".tag-row").textContent()).contains("Managed by " + vendor);
        page.locator("summary[aria-label=Actions]").click();
        page.getByText("Reset password by " + vendor).click();
        page.getByLabel("Why?").fill("Credential theft suspected: e2e test for " + vendor);
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Reset password")).click();

        Locator state = page.locator(".reset-state").first();
        PlaywrightAssertions.assertThat(state).containsText("Reset password by " + vendor);
        PlaywrightAssertions.assertThat(state).containsText("Succeeded",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.url()).as("the state updated in place, no reload").contains("/identities/");
        Browser.screenshot(page, "identity-reset-" + vendor.toLowerCase(Locale.ROOT));
        assertThat(browser.problems(page)).isEmpty();

        JsonNode requests = world.api("GET", "/api/v1/audit?action=pam.reset.request&limit=200", null).path("items");
        assertThat(requests.valueStream().filter(e -> e.path("target").asString("").contains(account))
                .map(e -> e.path("actor").asString()).toList())
                .containsExactly(VigilWorld.USERS.get(Role.SECURITY_ADMIN));
        page.context().close();
    }

    @Test
    void aReaderSeesTheIdentityButNoAction(Browser browser) {
        Page page = browser.signIn(Role.SECURITY_READER);
        openManagedIdentity(page, "CyberArk", "svc_sql");
        assertThat(page.locator("summary[aria-label=Actions]").count()).isZero();
        assertThat(page.content()).doesNotContain("Reset password by");
        page.context().close();
    }

    /** Assets > Identities, filtered to the vault's accounts, then the account's page. */
    private static void openManagedIdentity(Page page, String vendor, String account) {
        page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Identities").setExact(true)).click();
        page.getByLabel("Managed by").selectOption(vendor.toLowerCase(Locale.ROOT));
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Apply")).click();
        page.waitForURL(url -> url.contains("managedBy="));
        page.locator("table.list a", new Page.LocatorOptions().setHasText(account)).first().click();
        page.waitForURL(url -> url.matches(".*/identities/[^?]+$"));
        assertThat(page.locator("h1").textContent()).isNotBlank();
    }
}
