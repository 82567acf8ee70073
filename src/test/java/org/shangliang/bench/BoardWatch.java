package org.shangliang.bench;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One notice board's view in the fan-out benchmark: when it first held a playlist with a notice,
 * when it first held one without it again, and when a bare frame of a round arrived.
 */
final class BoardWatch {
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  volatile int messages;

  void onMessage(JsonObject message) {
    long now = System.nanoTime();
    messages++;
    if ("bare".equals(message.getString("type"))) {
      firstSeen.putIfAbsent("bare:" + message.getString("round"), now);
      return;
    }
    if (!"playlist".equals(message.getString("type"))) {
      return;
    }
    var ids = message.getJsonArray("notices").stream().map(n -> ((JsonObject) n).getString("id")).toList();
    ids.forEach(id -> firstSeen.putIfAbsent("shown:" + id, now));
    firstSeen.keySet().stream().filter(k -> k.startsWith("shown:") && !ids.contains(k.substring(6))).toList()
        .forEach(k -> firstSeen.putIfAbsent("gone:" + k.substring(6), now));
  }

  /** When the notice first appeared on this board (System.nanoTime), or 0. */
  long shown(String noticeId) {
    return firstSeen.getOrDefault("shown:" + noticeId, 0L);
  }

  long gone(String noticeId) {
    return firstSeen.getOrDefault("gone:" + noticeId, 0L);
  }

  long bare(String round) {
    return firstSeen.getOrDefault("bare:" + round, 0L);
  }
}
