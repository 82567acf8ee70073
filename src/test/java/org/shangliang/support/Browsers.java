package org.shangliang.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.shangliang.app.DemoData;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's Chromium driven by Playwright, offline: no browser download, the flags a closed network
 * needs. Each page gets its own context (its own storage), like a separate device.
 */
public final class Browsers implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--autoplay-policy=no-user-gesture-required");

  private final Playwright playwright;
  private final Browser browser;
  /** Console errors and page errors of every page, e.g. Content-Security-Policy violations. */
  public final List<String> pageErrors = new CopyOnWriteArrayList<>();
  /**
   * The messages of every alert, confirm or prompt any page opened, each dismissed: the pages use
   * none, so one here is a script that should not have run (text shown as markup).
   */
  public final List<String> dialogs = new CopyOnWriteArrayList<>();

  public Browsers() {
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(FLAGS));
  }

  /** A page in a fresh context of the given viewport, opened at the URL. */
  public Page open(String url, int width, int height) {
    return open(url, width, height, "zh-CN");
  }

  /** The same in a browser installed in {@code locale} (e.g. "en-US": navigator.languages and Accept-Language). */
  public Page open(String url, int width, int height, String locale) {
    Page page = blank(width, height, locale);
    page.navigate(url);
    return page;
  }

  /** A page in a fresh context that has not navigated yet, e.g. to install Playwright's clock first. */
  public Page blank(int width, int height, String locale) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(width, height).setLocale(locale));
    Page page = context.newPage();
    page.onConsoleMessage(message -> {
      if ("error".equals(message.type()) && !message.text().contains("favicon")) {
        pageErrors.add(message.text());
      }
    });
    page.onPageError(error -> pageErrors.add(error));
    page.onDialog(dialog -> {
      dialogs.add(dialog.message());
      dialog.dismiss();
    });
    return page;
  }

  public Page open(String url) {
    return open(url, 1280, 800);
  }

  /** The host console at the URL, signed in as the demo account {@code username}, its meeting showing. */
  public Page signedInHost(String url, String username) {
    Page host = open(url);
    byTestId(host, "login-user").fill(username);
    byTestId(host, "login-pass").fill(DemoData.PASSWORD);
    byTestId(host, "login-submit").click();
    host.locator("[data-testid='meeting-status']").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
    return host;
  }

  /** The element a page marks with data-testid. */
  public static Locator byTestId(Page page, String testId) {
    return page.locator("[data-testid='" + testId + "']");
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
