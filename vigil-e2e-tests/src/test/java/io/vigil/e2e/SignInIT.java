package io.vigil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vigil.model.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every role signs in through the console's form; a wrong password does not. */
@ExtendWith(RunningWorld.class)
class SignInIT {

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleSignsInAndSeesWhoItIs(Role role, Browser browser) {
        Page page = browser.signIn(role);
        assertThat(page.url()).doesNotContain("/login");
        assertThat(page.locator(".topbar .user-name").textContent()).isEqualTo(VigilWorld.USERS.get(role));
        String roleWords = role.name().replace('_', ' ');
        assertThat(page.locator(".topbar .role-badge").textContent()).isEqualToIgnoringCase(roleWords);
        page.context().close();
    }

    @Test
    void aWrongPasswordStaysOnTheSignInPage(Browser browser) {
        Page page = browser.anonymous();
        page.navigate("/login");
        page.locator("input[name=username]").fill(VigilWorld.USERS.get(Role.SECURITY_READER));
        page.locator("input[name=password]").fill("not the password");
        page.locator("form button[type=submit]").first().click();
        page.waitForURL(url -> url.contains("/login?error"));
        assertThat(page.getByRole(AriaRole.ALERT).textContent())
                .contains("Wrong user name or password");
        Browser.screenshot(page, "sign-in-error");
        page.context().close();
    }
}
