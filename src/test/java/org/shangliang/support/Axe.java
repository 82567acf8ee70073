package org.shangliang.support;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * axe-core, the accessibility checker, run on a page as it is on screen. The build fetches it
 * into the test classpath (pom.xml, maven-antrun-plugin). Pages forbid inline and evaluated
 * scripts (Content-Security-Policy), so it is given to the page through the DevTools protocol,
 * which the policy does not govern.
 */
public final class Axe {
  private static final String SOURCE = load();
  /**
   * Runs every rule of WCAG 2.x A and AA and axe's best practices, and answers one line per
   * serious or critical violation: the rule, what it asks, and up to three of the elements.
   */
  private static final String RUN = "async () => {"
      + " const result = await axe.run(document, { resultTypes: ['violations'] });"
      + " return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')"
      + "   .map((v) => v.impact + ' ' + v.id + ' (' + v.help + '): '"
      + "     + v.nodes.slice(0, 3).map((n) => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\\s+/g, ' ') : '')).join('; ')"
      + "     + (v.nodes.length > 3 ? ' and ' + (v.nodes.length - 3) + ' more' : '')); }";

  private Axe() {
  }

  private static String load() {
    try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe/axe.min.js is not on the test classpath: build with Maven"
            + " (its generate-test-resources phase fetches it), not from an IDE's own compiler only");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The serious and critical violations of the page as it is now; an empty list when there are none. */
  @SuppressWarnings("unchecked")
  public static List<String> seriousViolations(Page page) {
    if (!Boolean.TRUE.equals(page.evaluate("() => typeof axe === 'object'"))) {
      page.evaluate(SOURCE);
    }
    return (List<String>) page.evaluate(RUN);
  }
}
