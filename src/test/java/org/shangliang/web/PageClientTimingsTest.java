package org.shangliang.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.support.PageClient;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page client's timings and the server's, which are written in two languages, agree. */
class PageClientTimingsTest {

  @Test
  @DisplayName("a page pings at least three times within the bridge's ping timeout, and before the idle timeout")
  void pingsFitTheTimeouts() {
    assertTrue(3 * PageClient.PING_MS <= BridgeGuard.PING_TIMEOUT_MS,
        "eventbus.js pings every " + PageClient.PING_MS + " ms; the bridge waits " + BridgeGuard.PING_TIMEOUT_MS + " ms");
    assertTrue(PageClient.PING_MS < HttpLimits.DEFAULTS.idleTimeoutSeconds() * 1000L,
        "a page that only pings must never be idle");
  }
}
