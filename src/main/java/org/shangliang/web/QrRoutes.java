package org.shangliang.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.common.Failure;
import org.shangliang.qr.QrCodes;
import org.shangliang.qr.QrTokens;

import java.util.function.Supplier;

/**
 * QR images and the phone pages they lead to. A code is drawn only for a token this server
 * signed; the same token always gives the same picture, so it may be cached for good.
 */
final class QrRoutes {
  static final String PHONE_PAGES = "webroot/kiosk-ui/phone/";

  private final QrTokens tokens;
  private final Supplier<String> publicUrl;

  QrRoutes(QrTokens tokens, Supplier<String> publicUrl) {
    this.tokens = tokens;
    this.publicUrl = publicUrl;
  }

  void mount(Router router) {
    router.get("/qr/:file").handler(this::image);
    router.get("/f/:token").handler(ctx -> phonePage(ctx, "feedback.html"));
    router.get("/j/:token").handler(ctx -> phonePage(ctx, "join.html"));
    router.get("/r/:token").handler(ctx -> phonePage(ctx, "request-status.html"));
    router.get("/p/:token").handler(ctx -> phonePage(ctx, "request-new.html"));
    router.get("/o/:token").handler(ctx -> phonePage(ctx, "round.html"));
  }

  /** Where scanning a token leads. */
  String urlOf(String token) {
    QrTokens.Signed signed = tokens.verifyAny(token);
    String path = switch (signed.purpose()) {
      case FEEDBACK -> "/f/";
      case JOIN -> "/j/";
      case STATUS -> "/r/";
      case REPORT -> "/p/";
      case ROUND -> "/o/";
    };
    return publicUrl.get() + path + token;
  }

  private void image(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    boolean svg = file.endsWith(".svg");
    if (!svg && !file.endsWith(".png")) {
      ctx.fail(404);
      return;
    }
    String url;
    try {
      url = urlOf(file.substring(0, file.length() - 4));
    } catch (Failure e) {
      HttpFailures.send(ctx, e);
      return;
    }
    ctx.response().putHeader("Cache-Control", "public, max-age=31536000, immutable");
    if (svg) {
      ctx.response().putHeader("content-type", "image/svg+xml").end(QrCodes.svg(url));
    } else {
      ctx.response().putHeader("content-type", "image/png").end(Buffer.buffer(QrCodes.png(url)));
    }
  }

  private static void phonePage(RoutingContext ctx, String page) {
    ctx.response().putHeader("content-type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-cache")
        .sendFile(PHONE_PAGES + page).onFailure(e -> ctx.fail(404));
  }
}
