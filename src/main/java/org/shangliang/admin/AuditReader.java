package org.shangliang.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.AuditLog;
import org.shangliang.room.RoomStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit log, newest first, through a few exact filters. The embedded store has no index
 * but {@code _id}, so each read scans the log: every read is bounded by a limit, and the filters are
 * plain equalities and one time range.
 */
public final class AuditReader {
  /** What one {@code listAudit} answers at most, and by default. */
  public static final int MAX_LIST = 500;
  public static final int DEFAULT_LIST = 100;
  /** The most rows one CSV export holds: newest first. */
  public static final int MAX_EXPORT = 10_000;
  /**
   * Entries from before areas were written: their area is told by the id they carry (a room
   * command's roomId, a request's requestId).
   */
  private static final Map<String, String> LEGACY_MARKERS = Map.of("room", "roomId", "request", "requestId");

  private final MongoClient mongo;

  public AuditReader(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * The newest entries matching {@code filter} ({@code actor}: an account id or a name; {@code area};
   * {@code auditAction}, the entry's action, named so beside a command's own {@code action};
   * {@code from} ≤ at < {@code to}, in ms), at most {@code limit}, as {@link #view}s with the room's
   * name where there is one.
   */
  public Future<List<JsonObject>> newest(JsonObject filter, int limit) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("at", -1)).setLimit(limit);
    return Future.all(mongo.findWithOptions(AuditLog.COLLECTION, query(filter), options), roomNames())
        .map(all -> {
          List<JsonObject> docs = all.resultAt(0);
          Map<String, String> rooms = all.resultAt(1);
          return docs.stream().map(doc -> view(doc, rooms)).toList();
        });
  }

  static JsonObject query(JsonObject filter) {
    JsonArray all = new JsonArray();
    String actor = filter.getString("actor");
    if (actor != null) {
      all.add(new JsonObject().put("$or", new JsonArray().add(new JsonObject().put("actor.id", actor))
          .add(new JsonObject().put("actor.name", actor))));
    }
    String area = filter.getString("area");
    if (area != null) {
      all.add(areaQuery(area));
    }
    if (filter.getString("auditAction") != null) {
      all.add(new JsonObject().put("action", filter.getString("auditAction")));
    }
    JsonObject at = new JsonObject();
    if (filter.getLong("from") != null) {
      at.put("$gte", filter.getLong("from"));
    }
    if (filter.getLong("to") != null) {
      at.put("$lt", filter.getLong("to"));
    }
    if (!at.isEmpty()) {
      all.add(new JsonObject().put("at", at));
    }
    return all.isEmpty() ? new JsonObject() : new JsonObject().put("$and", all);
  }

  private static JsonObject areaQuery(String area) {
    String marker = LEGACY_MARKERS.get(area);
    if (marker == null) {
      return new JsonObject().put("area", area);
    }
    JsonObject legacy = new JsonObject().put("area", new JsonObject().put("$exists", false))
        .put(marker, new JsonObject().put("$exists", true));
    return new JsonObject().put("$or", new JsonArray().add(new JsonObject().put("area", area)).add(legacy));
  }

  /** An entry as readers see it: {@code {at, area, action, actor{id,name,role}, roomId, roomName, params, result}}. */
  static JsonObject view(JsonObject doc, Map<String, String> roomNames) {
    JsonObject actor = doc.getJsonObject("actor", new JsonObject());
    String roomId = doc.getString("roomId");
    return new JsonObject().put("at", doc.getLong("at")).put("area", areaOf(doc)).put("action", doc.getString("action"))
        .put("actor", new JsonObject().put("id", actor.getString("id")).put("name", actor.getString("name"))
            .put("role", actor.getString("role")))
        .put("roomId", roomId).put("roomName", roomId == null ? null : roomNames.get(roomId))
        .put("params", paramsOf(doc)).put("result", doc.getValue("result"));
  }

  static String areaOf(JsonObject doc) {
    if (doc.getString("area") != null) {
      return doc.getString("area");
    }
    return LEGACY_MARKERS.entrySet().stream().filter(e -> doc.containsKey(e.getValue())).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  /** Entries of areas that keep their details beside the action (a sign-in lock) have them read as parameters. */
  private static JsonObject paramsOf(JsonObject doc) {
    JsonObject params = doc.getJsonObject("params");
    if (params != null) {
      return params;
    }
    JsonObject rest = doc.copy();
    List.of("_id", "at", "area", "action", "actor", "roomId", "result").forEach(rest::remove);
    return rest;
  }

  private Future<Map<String, String>> roomNames() {
    return mongo.findWithOptions(RoomStore.ROOMS, new JsonObject(), new FindOptions().setLimit(1000)
        .setFields(new JsonObject().put("name", 1))).map(rooms -> {
          Map<String, String> names = new HashMap<>();
          rooms.forEach(r -> names.put(r.getString("_id"), r.getString("name")));
          return names;
        });
  }
}
