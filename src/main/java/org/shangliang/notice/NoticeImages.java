package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.shangliang.store.Database;
import org.shangliang.store.ImageStore;

/** Pictures for notices: public, since notices are, and at most 1 MiB. */
public final class NoticeImages {
  public static final String IMAGES = "images";
  public static final int MAX_BYTES = 1024 * 1024;

  private final ImageStore images;

  public NoticeImages(Database db) {
    this.images = new ImageStore(db, IMAGES, MAX_BYTES, "图片不能超过 1 MB");
  }

  public Future<String> store(Buffer bytes, String uploadedBy) {
    return images.store(bytes, new JsonObject().put("uploadedBy", uploadedBy));
  }

  public Future<ImageStore.Image> load(String id) {
    return images.load(id);
  }
}
