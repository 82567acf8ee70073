package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.community.CommunitySettings;
import org.shangliang.request.RequestIntake;
import org.shangliang.request.RequestStore;
import org.shangliang.request.RequestViews;

import java.time.ZoneId;
import java.util.List;

/**
 * A read-only Open311 GeoReport v2 endpoint (JSON) for civic tools: the request kinds as services,
 * and requests with their status, public fields only.
 */
final class Open311Routes {
  static final String BASE = "/open311/v2";

  private final RequestIntake intake;
  private final RequestStore store;
  private final CommunitySettings community;

  Open311Routes(RequestIntake intake, RequestStore store, CommunitySettings community) {
    this.intake = intake;
    this.store = store;
    this.community = community;
  }

  void mount(Router router) {
    router.get(BASE + "/services.json").handler(this::services);
    router.get(BASE + "/requests.json").handler(this::requests);
    router.get(BASE + "/requests/:number").handler(this::request);
  }

  private void services(RoutingContext ctx) {
    intake.kinds().onSuccess(kinds -> {
      JsonArray services = new JsonArray();
      kinds.forEach(k -> services.add(new JsonObject().put("service_code", k).put("service_name", k)
          .put("description", "居民诉求：" + k).put("metadata", false).put("type", "realtime")
          .put("keywords", "").put("group", "有事好商量")));
      array(ctx, services);
    }).onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void requests(RoutingContext ctx) {
    JsonObject query = new JsonObject();
    String code = ctx.request().getParam("service_code");
    if (code != null) {
      query.put("kind", code);
    }
    String status = ctx.request().getParam("status");
    if ("closed".equals(status)) {
      query.put("status", "CLOSED");
    } else if ("open".equals(status)) {
      query.put("status", new JsonObject().put("$ne", "CLOSED"));
    }
    Future.all(store.find(query, 1000), community.zone()).onSuccess(read -> {
      ZoneId zone = read.resultAt(1);
      JsonArray out = new JsonArray();
      read.<List<JsonObject>>resultAt(0).forEach(d -> out.add(RequestViews.open311View(d, zone)));
      array(ctx, out);
    }).onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void request(RoutingContext ctx) {
    String number = ctx.pathParam("number").replaceFirst("\\.json$", "");
    Future.all(store.byNumber(number), community.zone())
        .onSuccess(read -> array(ctx, new JsonArray().add(RequestViews.open311View(read.resultAt(0), read.resultAt(1)))))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private static void array(RoutingContext ctx, JsonArray body) {
    ctx.response().putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("Access-Control-Allow-Origin", "*").end(body.encode());
  }
}
