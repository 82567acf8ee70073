package org.shangliang.web;

/**
 * How long a connection may take and how many there may be (docs/CONFIGURATION.md). A cap of 0
 * means no cap.
 *
 * @param headerTimeoutSeconds     a connection must deliver a whole request head this soon after it
 *                                 opens or after its previous response, else it is closed
 * @param idleTimeoutSeconds       a connection (WebSockets too) that neither sends nor receives for
 *                                 this long is closed
 * @param requestTimeoutSeconds    a request must be read and answered this soon after its head
 *                                 arrived, else it is answered 408 and its connection closed; the
 *                                 bridge's WebSockets and streaming transports are exempt
 * @param maxConnectionsPerAddress connections open at once from one network address
 * @param maxConnections           connections open at once in all (each costs a file descriptor)
 */
public record HttpLimits(int headerTimeoutSeconds, int idleTimeoutSeconds, int requestTimeoutSeconds,
                         int maxConnectionsPerAddress, int maxConnections) {
  /**
   * Headers come in one packet from any browser, so 10 s is generous even on a phone; pages ping
   * the bridge every 20 s and SockJS sends a heartbeat every 25 s, so 60 s of silence means gone;
   * a 2 MiB photo from a phone at 50 KiB/s takes 40 s. A room's kiosks, displays and phones behind
   * one NAT address stay well under 256 connections (a page holds one to three).
   */
  public static final HttpLimits DEFAULTS = new HttpLimits(10, 60, 60, 256, 10_000);

  public HttpLimits {
    if (headerTimeoutSeconds < 1 || idleTimeoutSeconds < 1 || requestTimeoutSeconds < 1) {
      throw new IllegalArgumentException("HTTP timeouts must be at least 1 s");
    }
    if (maxConnectionsPerAddress < 0 || maxConnections < 0) {
      throw new IllegalArgumentException("connection caps must be 0 (none) or more");
    }
  }

  /** The same timeouts with other caps on connections (0: none), e.g. for pages that all come from loopback. */
  public HttpLimits withConnectionCaps(int perAddress, int total) {
    return new HttpLimits(headerTimeoutSeconds, idleTimeoutSeconds, requestTimeoutSeconds, perAddress, total);
  }
}
