package org.shangliang.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.bson.types.ObjectId;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.community.CommunitySettings;
import org.shangliang.community.Grids;
import org.shangliang.room.RoomStore;

import java.time.ZoneId;
import java.util.List;

/**
 * The administrators' changes to the community's own document and to its places, grids and rooms,
 * in MongoDB; every feature reads them through {@link CommunitySettings} and {@link Grids}. A grid
 * or room is created or renamed by name; names are unique within their kind, so the console and
 * the boards never show two alike.
 */
final class CommunityStore {
  /** A kind of place: its collection and the words for "not found". */
  enum Place {
    GRID(Grids.COLLECTION, Grids.MISSING), ROOM(RoomStore.ROOMS, "没有这个议事室");

    final String collection;
    final String missing;

    Place(String collection, String missing) {
      this.collection = collection;
      this.missing = missing;
    }
  }

  private final MongoClient mongo;

  CommunityStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** Saves the community; a null {@code language} leaves the saved one as it is. */
  Future<Void> saveCommunity(String name, String street, String timeZone, String language) {
    JsonObject set = new JsonObject().put("name", name).put("street", street).put("timeZone", timeZone)
        .put("updatedAt", System.currentTimeMillis());
    if (language != null) {
      set.put("language", language);
    }
    return mongo.updateCollectionWithOptions(CommunitySettings.COLLECTION,
        new JsonObject().put("_id", CommunitySettings.DOCUMENT_ID),
        new JsonObject().put("$set", set), new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  /** A region time zone java.time knows (e.g. Asia/Shanghai), as its canonical id; TIME_ZONE_UNKNOWN otherwise. */
  static String timeZone(String value) {
    if (value == null || !ZoneId.getAvailableZoneIds().contains(value)) {
      throw new Failure(ErrorCode.TIME_ZONE_UNKNOWN);
    }
    return ZoneId.of(value).getId();
  }

  Future<List<JsonObject>> all(Place place) {
    return mongo.findWithOptions(place.collection, new JsonObject(), new FindOptions().setSort(new JsonObject().put("_id", 1)));
  }

  Future<JsonObject> one(Place place, String id) {
    return mongo.findOne(place.collection, new JsonObject().put("_id", id), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, place.missing)) : Future.succeededFuture(doc));
  }

  /**
   * Creates a place (no id) or renames one, unless another of its kind has the name (NAME_TAKEN);
   * answers the place's id. A new room has no meeting yet. The name is checked before it is
   * written: two administrators giving one name in the same instant is the one case left open.
   */
  Future<String> save(Place place, String id, String name) {
    JsonObject sameName = new JsonObject().put("name", name);
    if (id != null) {
      sameName.put("_id", new JsonObject().put("$ne", id));
    }
    return mongo.count(place.collection, sameName).compose(n -> {
      if (n > 0) {
        return Future.failedFuture(new Failure(ErrorCode.NAME_TAKEN));
      }
      return id == null ? create(place, name) : rename(place, id, name);
    });
  }

  private Future<String> create(Place place, String name) {
    String id = new ObjectId().toHexString();
    JsonObject doc = new JsonObject().put("_id", id).put("name", name);
    if (place == Place.ROOM) {
      doc.putNull("meetingId");
    }
    return mongo.insert(place.collection, doc).map(id);
  }

  private Future<String> rename(Place place, String id, String name) {
    return mongo.updateCollection(place.collection, new JsonObject().put("_id", id),
        new JsonObject().put("$set", new JsonObject().put("name", name))).compose(r -> r.getDocMatched() == 1
        ? Future.succeededFuture(id) : Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, place.missing)));
  }

  static JsonObject view(JsonObject doc) {
    JsonObject view = new JsonObject().put("id", doc.getString("_id")).put("name", doc.getString("name"));
    if (doc.containsKey("meetingId")) {
      view.put("meetingId", doc.getString("meetingId"));
    }
    return view;
  }
}
