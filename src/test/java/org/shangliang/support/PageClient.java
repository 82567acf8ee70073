package org.shangliang.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What our page client (kiosk-ui/common/eventbus.js) does by itself, read from the page as served,
 * so that tools that stand in for pages behave as the pages do when the page changes.
 */
public final class PageClient {
  private static final String SOURCE = "webroot/kiosk-ui/common/eventbus.js";
  /** How long a page sends nothing before it pings the bridge. */
  public static final long PING_MS = constant("PING_INTERVAL_MS");
  /** A request without a reply by then has failed. */
  public static final long REQUEST_TIMEOUT_MS = constant("DEFAULT_TIMEOUT_MS");

  private PageClient() {
  }

  private static long constant(String name) {
    try (InputStream in = PageClient.class.getClassLoader().getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SOURCE + " is not on the class path");
      }
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("const " + name + " = (\\d+);").matcher(source);
      if (!m.find()) {
        throw new IllegalStateException(SOURCE + " defines no " + name);
      }
      return Long.parseLong(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
