package org.shangliang.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.bson.types.ObjectId;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.store.Database;

import java.util.List;

/**
 * Enrolled kiosks and displays: each has a room (or, beside a notice board, a grid), a name and
 * tokens of its own. A token stands for the identity it was issued with, so renaming or moving a
 * device rewrites that identity in its tokens too.
 */
public final class Devices {
  public static final String COLLECTION = "devices";

  private final MongoClient mongo;
  private final Credentials credentials;

  public Devices(Database db, Credentials credentials) {
    this.mongo = db.mongo();
    this.credentials = credentials;
  }

  /** Enrols a new device; answers {@code {deviceId, token}}. The token is shown once and never stored. */
  public Future<JsonObject> enrol(Identity.Role kind, String roomId, String name, boolean shared) {
    return enrol(new ObjectId().toHexString(), kind, roomId, name, shared);
  }

  /**
   * Enrols the device with this id, or keeps it if it exists, and issues it a fresh token (earlier
   * tokens stay valid until revoked).
   */
  public Future<JsonObject> enrol(String deviceId, Identity.Role kind, String roomId, String name, boolean shared) {
    JsonObject device = new JsonObject().put("kind", kind.name()).put("roomId", roomId)
        .put("name", name).put("shared", shared).put("revoked", false);
    JsonObject update = new JsonObject().put("$set", device)
        .put("$setOnInsert", new JsonObject().put("occupantId", null));
    Identity identity = Identity.device(deviceId, kind, name, roomId, shared);
    return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", deviceId), update,
            new UpdateOptions().setUpsert(true))
        .compose(r -> credentials.issueDevice(identity))
        .map(token -> new JsonObject().put("deviceId", deviceId).put("token", token));
  }

  /** Enrols a display beside a notice board: no room, a grid whose notices it shows. */
  public Future<JsonObject> enrolSignage(String name, String gridId) {
    return enrolSignage(new ObjectId().toHexString(), name, gridId);
  }

  /** Enrols (or keeps) the signage display with this id in a grid, and issues it a fresh token. */
  public Future<JsonObject> enrolSignage(String deviceId, String name, String gridId) {
    return enrol(deviceId, Identity.Role.DISPLAY, null, name, false).compose(device -> mongo.updateCollection(COLLECTION,
        new JsonObject().put("_id", deviceId), new JsonObject().put("$set", new JsonObject().put("gridId", gridId)))
        .map(device));
  }

  /** Every enrolled device, revoked ones included. */
  public Future<List<JsonObject>> all() {
    return mongo.find(COLLECTION, new JsonObject());
  }

  public Future<JsonObject> device(String deviceId) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", deviceId), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这台设备")) : Future.succeededFuture(doc));
  }

  /** Renames the device, in its document and in the identity its tokens stand for. */
  public Future<Void> rename(String deviceId, String name) {
    return set(deviceId, new JsonObject().put("name", name))
        .compose(v -> rewriteIdentity(deviceId, new JsonObject().put("identity.name", name)));
  }

  /**
   * Moves a kiosk or room display to another room, in its document and in the identity its tokens
   * stand for. Nodes that cached the old identity keep it until told to forget it (see callers).
   */
  public Future<Void> moveToRoom(String deviceId, String roomId) {
    return set(deviceId, new JsonObject().put("roomId", roomId))
        .compose(v -> rewriteIdentity(deviceId, new JsonObject().put("identity.roomId", roomId)));
  }

  /** Moves a notice board's display to another grid: its identity names no grid, only its document does. */
  public Future<Void> moveToGrid(String deviceId, String gridId) {
    return set(deviceId, new JsonObject().put("gridId", gridId));
  }

  /** Marks the device revoked and removes all its tokens on every node (durably, before this completes). */
  public Future<Void> revoke(String deviceId) {
    return set(deviceId, new JsonObject().put("revoked", true).put("revokedAt", System.currentTimeMillis()))
        .compose(v -> credentials.revokeAllOf(deviceId));
  }

  /** Forgets a device that was enrolled but never handed over (its pairing was taken meanwhile). */
  public Future<Void> discard(String deviceId) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", deviceId))
        .compose(r -> credentials.revokeAllOf(deviceId));
  }

  private Future<Void> set(String deviceId, JsonObject fields) {
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", deviceId), new JsonObject().put("$set", fields))
        .compose(r -> r.getDocMatched() == 1 ? Future.<Void>succeededFuture()
            : Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这台设备")));
  }

  private Future<Void> rewriteIdentity(String deviceId, JsonObject fields) {
    return mongo.updateCollectionWithOptions(Credentials.COLLECTION, new JsonObject().put("identity.id", deviceId),
        new JsonObject().put("$set", fields), new UpdateOptions().setMulti(true)).mapEmpty();
  }
}
