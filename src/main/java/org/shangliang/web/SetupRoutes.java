package org.shangliang.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.auth.FirstAdministrator;
import org.shangliang.common.RateLimiter;
import org.shangliang.common.Schemas;

/** The first start: whether setup is still to be done, and creating the first administrator with the setup code. */
final class SetupRoutes {
  static final int ATTEMPTS_PER_ADDRESS = 10;
  static final long WINDOW_MS = 10 * 60_000;

  private final FirstAdministrator setup;
  private final RateLimiter limits;
  private final Schemas schemas;

  SetupRoutes(FirstAdministrator setup, RateLimiter limits, Schemas schemas) {
    this.setup = setup;
    this.limits = limits;
    this.schemas = schemas;
  }

  void mount(Router router) {
    router.get("/api/setup").handler(this::status);
    router.post("/api/setup").handler(this::create);
  }

  private void status(RoutingContext ctx) {
    setup.needed().onSuccess(needed -> HttpSupport.json(ctx, 200, new JsonObject().put("needed", needed)))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void create(RoutingContext ctx) {
    JsonObject body = HttpSupport.validBody(ctx, schemas, "setup");
    limits.count("setup:" + HttpSupport.address(ctx), ATTEMPTS_PER_ADDRESS, WINDOW_MS)
        .compose(v -> setup.create(body.getString("code"), body.getString("username"), body.getString("name").strip(),
            body.getString("password")))
        .onSuccess(v -> HttpSupport.json(ctx, 201, new JsonObject().put("username", body.getString("username"))))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }
}
