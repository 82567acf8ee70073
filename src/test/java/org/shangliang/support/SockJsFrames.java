package org.shangliang.support;

import io.vertx.core.json.JsonArray;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * SockJS's framing over its WebSocket transport, as the browser's SockJS client speaks it for our
 * pages: the page opens {@code /eventbus/<server>/<session>/websocket}; the server answers
 * {@code o} once the session is open, {@code h} as its heartbeat, {@code a[...]} carrying bus
 * frames as JSON strings, {@code c[code,"reason"]} when it closes the session; the page sends its
 * bus frames as a JSON array of strings.
 */
public final class SockJsFrames {
  /** What the server sent, by its first character. */
  public enum Kind { OPEN, HEARTBEAT, MESSAGES, CLOSE, OTHER }

  private SockJsFrames() {
  }

  /** A fresh session's WebSocket path under /eventbus, named as the SockJS client names it. */
  public static String sessionPath() {
    String session = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    return String.format("/eventbus/%03d/%s/websocket", ThreadLocalRandom.current().nextInt(1000), session);
  }

  /** One bus frame (its JSON text) as the page sends it. */
  public static String wrap(String busFrame) {
    return new JsonArray().add(busFrame).encode();
  }

  public static Kind kind(String message) {
    if (message.isEmpty()) {
      return Kind.OTHER;
    }
    return switch (message.charAt(0)) {
      case 'o' -> Kind.OPEN;
      case 'h' -> Kind.HEARTBEAT;
      case 'a' -> Kind.MESSAGES;
      case 'c' -> Kind.CLOSE;
      default -> Kind.OTHER;
    };
  }

  /**
   * Hands on what a page's client acts on in a message from the server: the session opened, each
   * bus frame (its JSON text) it carries, the session closed (the whole message). Heartbeats and
   * anything else are nothing to it.
   */
  public static void read(String message, Runnable opened, Consumer<String> frame, Consumer<String> closed) {
    switch (kind(message)) {
      case OPEN -> opened.run();
      case MESSAGES -> messages(message).forEach(frame);
      case CLOSE -> closed.accept(message);
      default -> {
        // a heartbeat, or nothing SockJS sends
      }
    }
  }

  /** The bus frames (their JSON texts) an {@code a[...]} message carries. */
  public static List<String> messages(String message) {
    return new JsonArray(message.substring(1)).stream().map(String.class::cast).toList();
  }
}
