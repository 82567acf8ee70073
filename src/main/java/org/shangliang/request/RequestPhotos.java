package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.store.Database;
import org.shangliang.store.ImageStore;

/**
 * Photos residents attach from a phone: personal data, so they are kept apart from notice images
 * and handed out only to staff, by the request they belong to.
 */
public final class RequestPhotos {
  static final String PHOTOS = "request_photos";
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  private final ImageStore photos;
  private final RequestStore requests;

  public RequestPhotos(Database db) {
    this.photos = new ImageStore(db, PHOTOS, MAX_BYTES, "照片不能超过 2 MB");
    this.requests = new RequestStore(db.mongo());
  }

  public Future<String> store(Buffer bytes) {
    return photos.store(bytes, new JsonObject());
  }

  /** The photo of a request; NOT_FOUND when it has none. */
  public Future<ImageStore.Image> ofRequest(String requestId, Identity who) {
    return requests.request(requestId).compose(request -> {
      // a resident's photo is personal data: not for a read-only viewer, nor for another grid's worker
      if (who.role() == Identity.Role.VIEWER || !who.covers(RequestAccess.gridOf(request))) {
        return Future.failedFuture(new Failure(ErrorCode.FORBIDDEN, "无权查看这张照片"));
      }
      String photoId = request.getString("photoId");
      return photoId == null ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "这条诉求没有照片"))
          : photos.load(photoId);
    });
  }

  /** Whether a photo id names a stored photo (so a form cannot point at anything else). */
  public Future<Boolean> exists(String photoId) {
    return photos.exists(photoId);
  }
}
