package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.ImageTypes;
import org.shangliang.store.Database;

import java.util.Base64;

/**
 * Photos residents attach from a phone: personal data, so they are kept apart from notice images
 * and handed out only to staff, by the request they belong to.
 */
public final class RequestPhotos {
  static final String PHOTOS = "request_photos";
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  private final MongoClient mongo;
  private final Database db;

  public RequestPhotos(Database db) {
    this.db = db;
    this.mongo = db.mongo();
  }

  public Future<String> store(Buffer bytes) {
    if (bytes.length() > MAX_BYTES) {
      return Future.failedFuture(new Failure(ErrorCode.TOO_LARGE, "照片不能超过 2 MB"));
    }
    String type = ImageTypes.sniff(bytes);
    if (type == null) {
      return Future.failedFuture(new Failure(ErrorCode.UNSUPPORTED_MEDIA));
    }
    String id = new ObjectId().toHexString();
    JsonObject doc = new JsonObject().put("_id", id).put("type", type).put("at", System.currentTimeMillis())
        .put("data", Base64.getEncoder().encodeToString(bytes.getBytes()));
    return mongo.insert(PHOTOS, doc).compose(r -> db.durable()).map(id);
  }

  /** The photo of a request, as {type, bytes}; NOT_FOUND when it has none. */
  public Future<JsonObject> ofRequest(String requestId) {
    return new RequestStore(mongo).request(requestId).compose(request -> {
      String photoId = request.getString("photoId");
      return photoId == null ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "这条诉求没有照片"))
          : mongo.findOne(PHOTOS, new JsonObject().put("_id", photoId), null).compose(doc -> doc == null
              ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "这条诉求没有照片")) : Future.succeededFuture(doc));
    });
  }

  /** Whether a photo id names a stored photo (so a form cannot point at anything else). */
  public Future<Boolean> exists(String photoId) {
    return mongo.count(PHOTOS, new JsonObject().put("_id", photoId)).map(n -> n == 1);
  }
}
