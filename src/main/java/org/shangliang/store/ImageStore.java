package org.shangliang.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.ImageTypes;

import java.util.Base64;

/**
 * Uploaded pictures in a MongoDB collection of their own. The type is decided from the file's own
 * first bytes, never from what the uploader claims, and only PNG, JPEG and WebP are taken; a stored
 * picture is durable before its id is handed out.
 */
public final class ImageStore {
  /** A picture as stored: its type and bytes. */
  public record Image(String type, Buffer bytes) {
  }

  private final MongoClient mongo;
  private final Database db;
  private final String collection;
  private final int maxBytes;
  private final String tooLarge;

  public ImageStore(Database db, String collection, int maxBytes, String tooLarge) {
    this.db = db;
    this.mongo = db.mongo();
    this.collection = collection;
    this.maxBytes = maxBytes;
    this.tooLarge = tooLarge;
  }

  /** Stores the picture with {@code about} (who uploaded it, say) beside it; answers its id. */
  public Future<String> store(Buffer bytes, JsonObject about) {
    if (bytes.length() > maxBytes) {
      return Future.failedFuture(new Failure(ErrorCode.TOO_LARGE, tooLarge));
    }
    String type = ImageTypes.sniff(bytes);
    if (type == null) {
      return Future.failedFuture(new Failure(ErrorCode.UNSUPPORTED_MEDIA));
    }
    String id = new ObjectId().toHexString();
    JsonObject doc = about.copy().put("_id", id).put("type", type).put("at", System.currentTimeMillis())
        .put("data", Base64.getEncoder().encodeToString(bytes.getBytes()));
    return mongo.insert(collection, doc).compose(r -> db.durable()).map(id);
  }

  public Future<Image> load(String id) {
    return mongo.findOne(collection, new JsonObject().put("_id", id), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这张图片"))
        : Future.succeededFuture(new Image(doc.getString("type"), Buffer.buffer(Base64.getDecoder().decode(doc.getString("data"))))));
  }

  public Future<Boolean> exists(String id) {
    return mongo.count(collection, new JsonObject().put("_id", id)).map(n -> n == 1);
  }
}
