package org.shangliang.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.common.RateLimiter;
import org.shangliang.common.Schemas;
import org.shangliang.round.RoundPhones;

/** An invited member's phone in a written or online round: the form behind their link, and their view. */
final class RoundRoutes {
  static final int VIEWS_PER_ADDRESS = 30;
  static final long WINDOW_MS = 10 * 60_000;

  private final RoundPhones phones;
  private final RateLimiter limits;
  private final Schemas schemas;

  RoundRoutes(RoundPhones phones, RateLimiter limits, Schemas schemas) {
    this.phones = phones;
    this.limits = limits;
    this.schemas = schemas;
  }

  void mount(Router router) {
    router.get("/api/rounds/:token").handler(this::form);
    router.post("/api/rounds/:token").handler(this::give);
  }

  private void form(RoutingContext ctx) {
    phones.form(ctx.pathParam("token")).onSuccess(form -> HttpSupport.json(ctx, 200, form))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void give(RoutingContext ctx) {
    JsonObject body = HttpSupport.validBody(ctx, schemas, "roundView");
    limits.count("round:" + HttpSupport.address(ctx), VIEWS_PER_ADDRESS, WINDOW_MS)
        .compose(v -> phones.give(ctx.pathParam("token"), body.getString("view"), body.getString("comment")))
        .onSuccess(given -> HttpSupport.json(ctx, 200, given))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }
}
