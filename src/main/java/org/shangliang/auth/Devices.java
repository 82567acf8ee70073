package org.shangliang.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.bson.types.ObjectId;
import org.shangliang.store.Database;

/** Enrolled kiosks and displays: each has a room, a name and a token of its own. */
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
        .put("name", name).put("shared", shared);
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
}
