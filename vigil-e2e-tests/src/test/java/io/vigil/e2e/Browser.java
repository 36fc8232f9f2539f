package io.vigil.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType.LaunchOptions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vigil.model.user.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium at {@code /usr/bin/chromium}, driven by Playwright, headless; Playwright never
 * downloads a browser of its own. Each {@link #signIn} opens a fresh browser context (its own
 * cookies), so roles never share a session. Screenshots go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    // this machine's network is closed: without these Chromium keeps trying to reach Google's services
    private static final List<String> QUIET_FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String baseUrl;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.chromium = playwright.chromium().launch(new LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(QUIET_FLAGS));
    }

    /** A new page in a context of its own, at the sign-in page, not signed in. */
    public Page anonymous() {
        BrowserContext context = chromium.newContext(new NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(1440, 900));
        return context.newPage();
    }

    /** A new page signed in as the world's user of that role, on the page the sign-in lands on. */
    public Page signIn(Role role) {
        Page page = anonymous();
        page.navigate("/login");
        page.locator("input[name=username]").fill(VigilWorld.USERS.get(role));
        page.locator("input[name=password]").fill(VigilWorld.PASSWORD);
        page.locator("form button[type=submit]").first().click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(Page page, String name) {
        Path file = Path.of(System.getProperty("vigil.screenshots", "target/screenshots"), name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
