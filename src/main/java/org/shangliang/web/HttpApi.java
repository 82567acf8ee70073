package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.auth.Accounts;
import org.shangliang.auth.Credentials;
import org.shangliang.auth.Devices;
import org.shangliang.common.AuditLog;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;

import java.util.function.Supplier;

/** The small HTTP API beside the bridge: sign-in and its alerts, device enrolment, the list of rooms. */
final class HttpApi {
  /** The audit log's area of enrolments here: the community's devices, as the console's are. */
  static final String DEVICES_AREA = "community";
  private final Schemas schemas = Schemas.load("schemas/http.json", null);
  private final Accounts accounts;
  private final Credentials credentials;
  private final Devices devices;
  private final RoomStore rooms;
  private final Database db;
  private final AuditLog audit;
  private final Supplier<String> publicUrl;

  HttpApi(Accounts accounts, Credentials credentials, Devices devices, RoomStore rooms, Database db, Supplier<String> publicUrl) {
    this.accounts = accounts;
    this.credentials = credentials;
    this.devices = devices;
    this.rooms = rooms;
    this.db = db;
    this.audit = new AuditLog(db.mongo());
    this.publicUrl = publicUrl;
  }

  void mount(Router router) {
    router.post("/api/login").handler(this::login);
    router.post("/api/logout").handler(this::logout);
    router.get("/api/rooms").handler(this::listRooms);
    router.post("/api/devices").handler(this::enrolDevice);
    router.get("/api/alerts").handler(this::listAlerts);
    router.post("/api/alerts/seen").handler(this::markAlertSeen);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = HttpSupport.validBody(ctx, schemas, "login");
    accounts.login(body.getString("username"), body.getString("password"), body.getString("newPassword"),
            HttpSupport.address(ctx))
        .onSuccess(session -> HttpSupport.json(ctx, 200, session))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void logout(RoutingContext ctx) {
    String token = HttpSupport.bearer(ctx);
    (token == null ? Future.<Void>succeededFuture() : credentials.revoke(token))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void listRooms(RoutingContext ctx) {
    HttpSupport.staff(credentials, ctx).compose(who -> rooms.rooms()).onSuccess(list -> {
      JsonArray answer = new JsonArray();
      list.forEach(r -> answer.add(new JsonObject().put("id", r.getString("_id")).put("name", r.getString("name"))
          .put("meetingId", r.getString("meetingId"))));
      ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(answer.encode());
    }).onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void enrolDevice(RoutingContext ctx) {
    JsonObject body = HttpSupport.validBody(ctx, schemas, "enrolDevice");
    Identity.Role kind = "kiosk".equals(body.getString("kind")) ? Identity.Role.KIOSK : Identity.Role.DISPLAY;
    String roomId = body.getString("roomId");
    HttpSupport.staff(credentials, ctx)
        .compose(who -> who.isAdmin() ? enrol(who, kind, body) : Future.failedFuture(new Failure(ErrorCode.FORBIDDEN)))
        .onSuccess(device -> HttpSupport.json(ctx, 201, device.put("url", deviceUrl(kind, roomId, device.getString("token")))))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  /** Enrols the device in its room, audited as the console's device changes are, durable before the reply. */
  private Future<JsonObject> enrol(Identity who, Identity.Role kind, JsonObject body) {
    String roomId = body.getString("roomId");
    boolean shared = body.getBoolean("shared", false);
    return rooms.room(roomId).compose(room -> devices.enrol(kind, roomId, body.getString("name"), shared))
        .compose(device -> audit.record(who, DEVICES_AREA, "enrolDevice", new JsonObject()
                .put("deviceId", device.getString("deviceId")).put("kind", body.getString("kind")).put("roomId", roomId)
                .put("name", body.getString("name")).put("shared", shared))
            .compose(v -> db.durable()).map(device));
  }

  /** Sign-in locks for the consoles, newest first: {@code {alerts, unseen}}. */
  private void listAlerts(RoutingContext ctx) {
    HttpSupport.staff(credentials, ctx).compose(who -> accounts.alerts().recent())
        .onSuccess(alerts -> HttpSupport.json(ctx, 200, alerts))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void markAlertSeen(RoutingContext ctx) {
    JsonObject body = HttpSupport.validBody(ctx, schemas, "alertSeen");
    HttpSupport.staff(credentials, ctx).compose(who -> accounts.alerts().markSeen(body.getString("id"), who))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  String deviceUrl(Identity.Role kind, String roomId, String token) {
    return kind == Identity.Role.KIOSK
        ? publicUrl.get() + "/kiosk/?token=" + token
        : publicUrl.get() + "/display/?room=" + roomId + "&token=" + token;
  }
}
