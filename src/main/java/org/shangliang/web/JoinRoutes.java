package org.shangliang.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.common.RateLimiter;
import org.shangliang.common.Schemas;
import org.shangliang.room.PhoneJoinRequests;

import java.util.function.Supplier;

/** A phone in the room asks to act for a checked-in attendee, then learns the host's decision. */
final class JoinRoutes {
  static final int ASKS_PER_ADDRESS = 10;
  static final long WINDOW_MS = 10 * 60_000L;

  private final PhoneJoinRequests joins;
  private final RateLimiter limits;
  private final Schemas schemas;
  private final Supplier<String> publicUrl;

  JoinRoutes(PhoneJoinRequests joins, RateLimiter limits, Schemas schemas, Supplier<String> publicUrl) {
    this.joins = joins;
    this.limits = limits;
    this.schemas = schemas;
    this.publicUrl = publicUrl;
  }

  void mount(Router router) {
    router.get("/api/join/status/:secret").handler(this::status);
    router.get("/api/join/:token").handler(this::describe);
    router.post("/api/join").handler(this::ask);
  }

  private void describe(RoutingContext ctx) {
    joins.describe(ctx.pathParam("token"))
        .onSuccess(room -> HttpSupport.json(ctx, 200, room))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void ask(RoutingContext ctx) {
    JsonObject body = HttpSupport.validBody(ctx, schemas, "join");
    limits.count("join:" + HttpSupport.address(ctx), ASKS_PER_ADDRESS, WINDOW_MS)
        .compose(v -> joins.ask(body.getString("token"), body.getString("attendeeId")))
        .onSuccess(secret -> HttpSupport.json(ctx, 201, secret))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void status(RoutingContext ctx) {
    joins.status(ctx.pathParam("secret")).onSuccess(state -> {
      String token = (String) state.remove("token");
      if (token != null) {
        state.put("kioskUrl", publicUrl.get() + "/phone/meeting.html?token=" + token); // the kiosk page at a phone's size
      }
      HttpSupport.json(ctx, 200, state);
    }).onFailure(e -> HttpFailures.send(ctx, e));
  }
}
