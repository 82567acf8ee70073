package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.store.Database;

import java.util.Base64;

/**
 * Pictures for notices, kept in MongoDB like everything else. The type is decided from the file's
 * own first bytes, never from what the uploader claims, and only PNG, JPEG and WebP are taken.
 */
public final class NoticeImages {
  public static final String IMAGES = "images";
  public static final int MAX_BYTES = 1024 * 1024;

  private final MongoClient mongo;
  private final Database db;

  /** An image as stored: its type and bytes. */
  public record Image(String type, Buffer bytes) {
  }

  public NoticeImages(Database db) {
    this.db = db;
    this.mongo = db.mongo();
  }

  public Future<String> store(Buffer bytes, String uploadedBy) {
    if (bytes.length() > MAX_BYTES) {
      return Future.failedFuture(new Failure(ErrorCode.TOO_LARGE, "图片不能超过 1 MB"));
    }
    String type = sniff(bytes);
    if (type == null) {
      return Future.failedFuture(new Failure(ErrorCode.UNSUPPORTED_MEDIA));
    }
    String id = new ObjectId().toHexString();
    JsonObject doc = new JsonObject().put("_id", id).put("type", type).put("uploadedBy", uploadedBy)
        .put("at", System.currentTimeMillis()).put("data", Base64.getEncoder().encodeToString(bytes.getBytes()));
    return mongo.insert(IMAGES, doc).compose(r -> db.durable()).map(id);
  }

  public Future<Image> load(String id) {
    return mongo.findOne(IMAGES, new JsonObject().put("_id", id), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这张图片"))
        : Future.succeededFuture(new Image(doc.getString("type"),
            Buffer.buffer(Base64.getDecoder().decode(doc.getString("data"))))));
  }

  /** The image type by its magic number, or null for anything else. */
  static String sniff(Buffer b) {
    if (b.length() >= 8 && (b.getByte(0) & 0xFF) == 0x89 && b.getByte(1) == 'P' && b.getByte(2) == 'N' && b.getByte(3) == 'G') {
      return "image/png";
    }
    if (b.length() >= 3 && (b.getByte(0) & 0xFF) == 0xFF && (b.getByte(1) & 0xFF) == 0xD8 && (b.getByte(2) & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length() >= 12 && b.getString(0, 4).equals("RIFF") && b.getString(8, 12).equals("WEBP")) {
      return "image/webp";
    }
    return null;
  }
}
