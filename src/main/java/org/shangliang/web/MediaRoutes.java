package org.shangliang.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.shangliang.auth.Credentials;
import org.shangliang.notice.NoticeImages;

/** Staff upload a notice's picture as a raw body; anyone may fetch it, since notices are public. */
final class MediaRoutes {
  private final NoticeImages images;
  private final Credentials credentials;

  MediaRoutes(NoticeImages images, Credentials credentials) {
    this.images = images;
    this.credentials = credentials;
  }

  void mount(Router router) {
    router.post("/api/images").handler(BodyHandler.create(false).setBodyLimit(NoticeImages.MAX_BYTES))
        .handler(this::upload);
    router.get("/media/:id").handler(this::serve);
  }

  private void upload(RoutingContext ctx) {
    HttpSupport.staff(credentials, ctx)
        .compose(who -> images.store(ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer(), who.name()))
        .onSuccess(id -> HttpSupport.json(ctx, 201, new JsonObject().put("imageId", id)))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void serve(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9a-f]{24}")) {
      ctx.fail(404);
      return;
    }
    images.load(id).onSuccess(image -> ctx.response().putHeader("content-type", image.type())
            .putHeader("Cache-Control", "public, max-age=31536000, immutable").end(image.bytes()))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }
}
