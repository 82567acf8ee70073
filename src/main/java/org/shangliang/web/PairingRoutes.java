package org.shangliang.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.common.RateLimiter;
import org.shangliang.notice.Pairings;

/** A new display asks for a pairing code, then collects its token once staff entered the code. */
final class PairingRoutes {
  static final int CODES_PER_ADDRESS = 10;
  static final long WINDOW_MS = 10 * 60_000L;

  private final Pairings pairings;
  private final RateLimiter limits;

  PairingRoutes(Pairings pairings, RateLimiter limits) {
    this.pairings = pairings;
    this.limits = limits;
  }

  void mount(Router router) {
    router.post("/api/pairings").handler(this::start);
    router.get("/api/pairings/:secret").handler(this::collect);
  }

  private void start(RoutingContext ctx) {
    limits.count("pairing:" + HttpSupport.address(ctx), CODES_PER_ADDRESS, WINDOW_MS)
        .compose(v -> pairings.start())
        .onSuccess(code -> HttpSupport.json(ctx, 201, code))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void collect(RoutingContext ctx) {
    pairings.collect(ctx.pathParam("secret"))
        .onSuccess(state -> HttpSupport.json(ctx, 200, state))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }
}
