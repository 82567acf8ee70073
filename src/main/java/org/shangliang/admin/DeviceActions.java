package org.shangliang.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.admin.CommunityStore.Place;
import org.shangliang.auth.Credentials;
import org.shangliang.auth.Devices;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.notice.Pairings;
import org.shangliang.notice.Playlists;
import org.shangliang.notice.Showings;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What administrators do with kiosks, room displays and notice boards' displays: pair one by the
 * code its screen shows, list, rename, move and revoke them. Every change is audited and durable
 * before it is acknowledged.
 */
final class DeviceActions {
  private final Vertx vertx;
  private final Database db;
  private final MongoClient mongo;
  private final Devices devices;
  private final CommunityStore places;
  private final Pairings pairings;
  private final Playlists playlists;
  private final AuditLog audit;

  DeviceActions(Vertx vertx, Database db, Devices devices, CommunityStore places, Pairings pairings,
                Playlists playlists, AuditLog audit) {
    this.vertx = vertx;
    this.db = db;
    this.mongo = db.mongo();
    this.devices = devices;
    this.places = places;
    this.pairings = pairings;
    this.playlists = playlists;
    this.audit = audit;
  }

  /** Every device, or for a grid worker the boards of their grids only (kiosks and room displays stand in no grid). */
  Future<JsonObject> list(Request r) {
    return Future.all(devices.all(), places.all(Place.ROOM), places.all(Place.GRID)).map(all -> {
      Map<String, String> rooms = names(all.resultAt(1));
      Map<String, String> grids = names(all.resultAt(2));
      long now = System.currentTimeMillis();
      List<JsonObject> docs = all.resultAt(0);
      JsonArray out = new JsonArray();
      docs.stream().filter(d -> r.who().covers(d.getString("gridId"))).map(d -> view(d, rooms, grids, now))
          .sorted(ORDER).forEach(out::add);
      return new JsonObject().put("devices", out);
    });
  }

  /** Enrols the screen waiting with this code as a device of the kind, in its room or grid, and hands it its page. */
  Future<JsonObject> pair(Request r) {
    JsonObject body = r.body();
    DeviceKind kind = DeviceKind.parse(body.getString("kind"));
    String place = kind.placeOf(body.getString("roomId"), body.getString("gridId"));
    String name = body.getString("name").strip();
    boolean shared = kind == DeviceKind.KIOSK && body.getBoolean("shared", false);
    String code = body.getString("code");
    return places.one(kind.inRoom() ? Place.ROOM : Place.GRID, place)
        .compose(found -> pairings.waiting(code))
        .compose(waiting -> waiting ? enrol(kind, place, name, shared)
            : Future.failedFuture(new Failure(ErrorCode.PAIRING_UNKNOWN)))
        .compose(device -> handOver(code, kind, place, device))
        .compose(deviceId -> audited(r, deviceId, new JsonObject().put("kind", kind.wire()).put("name", name)
            .put(kind.inRoom() ? "roomId" : "gridId", place).put("shared", shared)));
  }

  private Future<JsonObject> enrol(DeviceKind kind, String place, String name, boolean shared) {
    return kind == DeviceKind.BOARD ? devices.enrolSignage(name, place) : devices.enrol(kind.role(), place, name, shared);
  }

  /** Puts the token and page in the pairing; if another administrator took the code first, the new device goes. */
  private Future<String> handOver(String code, DeviceKind kind, String place, JsonObject device) {
    String deviceId = device.getString("deviceId");
    return pairings.complete(code, deviceId, device.getString("token"), kind.page(place, device.getString("token")))
        .recover(e -> devices.discard(deviceId).transform(ignored -> Future.failedFuture(e)))
        .map(deviceId);
  }

  Future<JsonObject> rename(Request r) {
    String id = r.body().getString("id");
    String name = r.body().getString("name").strip();
    return enrolled(id).compose(doc -> devices.rename(id, name)
        .compose(v -> audited(r, id, new JsonObject().put("name", name)))
        .onSuccess(v -> boardChanged(doc)));
  }

  /**
   * Moves a kiosk or room display to another room, or a board to another grid. A board's identity
   * names no grid, so a fresh playlist is all it needs. A kiosk's or room display's tokens keep
   * working (a new token would need someone at the screen to pair it again), but the identity they
   * stand for is rewritten to the new room and every node is told, on the revocation address, to
   * forget what it cached for the device and close its sockets: the page reconnects, says hello,
   * learns its new room and from then on acts there only.
   */
  Future<JsonObject> move(Request r) {
    String id = r.body().getString("id");
    return enrolled(id).compose(doc -> {
      DeviceKind kind = DeviceKind.of(doc);
      String place = kind.placeOf(r.body().getString("roomId"), r.body().getString("gridId"));
      JsonObject params = new JsonObject().put(kind.inRoom() ? "roomId" : "gridId", place);
      if (!kind.inRoom()) {
        return places.one(Place.GRID, place).compose(grid -> devices.moveToGrid(id, place))
            .compose(v -> audited(r, id, params)).onSuccess(v -> boardChanged(doc));
      }
      return places.one(Place.ROOM, place).compose(room -> idle(doc)).compose(v -> devices.moveToRoom(id, place))
          .compose(v -> audited(r, id, params))
          .onSuccess(v -> vertx.eventBus().publish(Credentials.REVOKED, id));
    });
  }

  /** Stops the device for good: marked revoked, every token removed, its sockets closed on every node. */
  Future<JsonObject> revoke(Request r) {
    String id = r.body().getString("id");
    return devices.device(id).compose(doc -> devices.revoke(id)).compose(v -> audited(r, id, new JsonObject()));
  }

  private Future<JsonObject> enrolled(String id) {
    return devices.device(id).compose(doc -> doc.getBoolean("revoked", false)
        ? Future.failedFuture(new Failure(ErrorCode.DEVICE_REVOKED)) : Future.succeededFuture(doc));
  }

  /** A kiosk that someone is checked in on stays where their meeting is. */
  private Future<Void> idle(JsonObject doc) {
    if (DeviceKind.of(doc) != DeviceKind.KIOSK) {
      return Future.succeededFuture();
    }
    JsonObject checkedIn = new JsonObject().put("kioskId", doc.getString("_id"))
        .put("checkedInAt", new JsonObject().put("$ne", null));
    return mongo.count(RoomStore.ATTENDEES, checkedIn).compose(n -> n > 0 || doc.getString("occupantId") != null
        ? Future.failedFuture(new Failure(ErrorCode.DEVICE_IN_USE)) : Future.succeededFuture());
  }

  private void boardChanged(JsonObject doc) {
    if (DeviceKind.of(doc) == DeviceKind.BOARD) {
      playlists.displayChanged(doc.getString("_id"));
    }
  }

  /** Audits the change, makes both durable, and answers the device as the list shows it. */
  private Future<JsonObject> audited(Request r, String deviceId, JsonObject params) {
    return audit.record(r.who(), CommunityConsole.AREA, r.action(), params.put("deviceId", deviceId))
        .compose(v -> db.durable())
        .compose(v -> Future.all(devices.device(deviceId), places.all(Place.ROOM), places.all(Place.GRID)))
        .map(all -> new JsonObject().put("device", view(all.resultAt(0), names(all.resultAt(1)), names(all.resultAt(2)),
            System.currentTimeMillis())));
  }

  private static final Comparator<JsonObject> ORDER = Comparator
      .<JsonObject, Boolean>comparing(d -> d.getBoolean("revoked"))
      .thenComparing(d -> DeviceKind.parse(d.getString("kind")).ordinal())
      .thenComparing(d -> d.getString("name", ""))
      .thenComparing(d -> d.getString("id"));

  static JsonObject view(JsonObject d, Map<String, String> rooms, Map<String, String> grids, long now) {
    DeviceKind kind = DeviceKind.of(d);
    Long lastSeen = d.getLong("lastSeenAt");
    return new JsonObject().put("id", d.getString("_id")).put("kind", kind.wire()).put("name", d.getString("name"))
        .put("roomId", d.getString("roomId")).put("roomName", rooms.get(d.getString("roomId")))
        .put("gridId", d.getString("gridId")).put("gridName", grids.get(d.getString("gridId")))
        .put("shared", d.getBoolean("shared", false)).put("revoked", d.getBoolean("revoked", false))
        // only boards report in (heartbeats); for kiosks and room displays it is not known
        .put("online", kind == DeviceKind.BOARD ? (Boolean) (lastSeen != null && now - lastSeen <= Showings.ONLINE_MS) : null)
        .put("lastSeenAt", lastSeen);
  }

  static Map<String, String> names(List<JsonObject> docs) {
    Map<String, String> names = new HashMap<>();
    docs.forEach(d -> names.put(d.getString("_id"), d.getString("name")));
    return names;
  }
}
