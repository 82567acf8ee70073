package org.shangliang.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.notice.Playlists;
import org.shangliang.support.PageClient;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page client's timings and the server's, which are written in two languages, agree. */
class PageClientTimingsTest {

  @Test
  @DisplayName("a silent page pings three times within the server's silence limit, and before the idle timeout;"
      + " a board's heartbeat comes before a ping would")
  void pingsFitTheTimeouts() {
    int idleSeconds = HttpLimits.DEFAULTS.idleTimeoutSeconds();
    assertTrue(3 * PageClient.PING_MS <= BridgeRoutes.silenceLimitMillis(idleSeconds),
        "eventbus.js pings after " + PageClient.PING_MS + " ms of silence; the server waits "
            + BridgeRoutes.silenceLimitMillis(idleSeconds) + " ms");
    assertTrue(PageClient.PING_MS < idleSeconds * 1000L, "a page that only pings must never be idle");
    assertTrue(BridgeRoutes.heartbeatMillis(idleSeconds) < idleSeconds * 1000L, "a page that only listens must never be idle");
    assertTrue(BridgeGuard.PING_TIMEOUT_MS > 7 * 24 * 3600 * 1000L, "the bridge's own check, which hears only pings, must not drop a board that talks");
    assertTrue(Playlists.HEARTBEAT_SECONDS * 1000L < PageClient.PING_MS, "a board that reports its heartbeat never needs to ping");
  }
}
