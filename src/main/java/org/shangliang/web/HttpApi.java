package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.shangliang.auth.Accounts;
import org.shangliang.auth.Credentials;
import org.shangliang.auth.Devices;
import org.shangliang.auth.Identity;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Schemas;
import org.shangliang.room.RoomStore;

import java.util.function.Supplier;

/** The small HTTP API beside the bridge: sign-in, device enrolment, the list of rooms. */
final class HttpApi {
  static final int MAX_BODY_BYTES = 16 * 1024;

  private final Schemas schemas = Schemas.load("schemas/http.json", null);
  private final Accounts accounts;
  private final Credentials credentials;
  private final Devices devices;
  private final RoomStore rooms;
  private final Supplier<String> publicUrl;

  HttpApi(Accounts accounts, Credentials credentials, Devices devices, RoomStore rooms, Supplier<String> publicUrl) {
    this.accounts = accounts;
    this.credentials = credentials;
    this.devices = devices;
    this.rooms = rooms;
    this.publicUrl = publicUrl;
  }

  void mount(Router router) {
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    router.post("/api/login").handler(this::login);
    router.post("/api/logout").handler(this::logout);
    router.get("/api/rooms").handler(this::listRooms);
    router.post("/api/devices").handler(this::enrolDevice);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = validBody(ctx, "login");
    accounts.login(body.getString("username"), body.getString("password"))
        .onSuccess(session -> json(ctx, 200, session))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void logout(RoutingContext ctx) {
    String token = bearer(ctx);
    (token == null ? Future.<Void>succeededFuture() : credentials.revoke(token))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void listRooms(RoutingContext ctx) {
    staff(ctx).compose(who -> rooms.rooms()).onSuccess(list -> {
      JsonArray answer = new JsonArray();
      list.forEach(r -> answer.add(new JsonObject().put("id", r.getString("_id")).put("name", r.getString("name"))
          .put("meetingId", r.getString("meetingId"))));
      ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(answer.encode());
    }).onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void enrolDevice(RoutingContext ctx) {
    JsonObject body = validBody(ctx, "enrolDevice");
    Identity.Role kind = "kiosk".equals(body.getString("kind")) ? Identity.Role.KIOSK : Identity.Role.DISPLAY;
    String roomId = body.getString("roomId");
    staff(ctx).compose(who -> rooms.room(roomId))
        .compose(room -> devices.enrol(kind, roomId, body.getString("name"), body.getBoolean("shared", false)))
        .onSuccess(device -> json(ctx, 201, device.put("url", deviceUrl(kind, roomId, device.getString("token")))))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  String deviceUrl(Identity.Role kind, String roomId, String token) {
    return kind == Identity.Role.KIOSK
        ? publicUrl.get() + "/kiosk/?token=" + token
        : publicUrl.get() + "/display/?room=" + roomId + "&token=" + token;
  }

  private Future<Identity> staff(RoutingContext ctx) {
    return credentials.resolve(bearer(ctx)).compose(who -> {
      if (who.type() == Identity.Type.ANONYMOUS) {
        return Future.failedFuture(new Failure(ErrorCode.UNAUTHENTICATED));
      }
      return who.isStaff() ? Future.succeededFuture(who) : Future.failedFuture(new Failure(ErrorCode.FORBIDDEN));
    });
  }

  private JsonObject validBody(RoutingContext ctx, String schema) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw new Failure(ErrorCode.BAD_REQUEST, "请求体必须是 JSON 对象");
    }
    if (body == null) {
      throw new Failure(ErrorCode.BAD_REQUEST, "请求体必须是 JSON 对象");
    }
    schemas.check(schema, body);
    return body;
  }

  private static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
        .end(body.encode());
  }
}
