package org.shangliang.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Schemas;
import org.shangliang.common.Secrets;
import org.shangliang.feedback.FeedbackIntake;


/**
 * The phone feedback page's two calls. A phone gets a random cookie on its first visit so that
 * limits apply per phone as well as per network address, and so that a phone has one rating per
 * notice; it identifies nothing else.
 */
final class FeedbackRoutes {
  static final String PHONE_COOKIE = "sl_phone";
  static final int MAX_COMMENT = 500;

  private final FeedbackIntake intake;
  private final Schemas schemas;

  FeedbackRoutes(FeedbackIntake intake, Schemas schemas) {
    this.intake = intake;
    this.schemas = schemas;
  }

  void mount(Router router) {
    router.get("/api/feedback/:token").handler(this::form);
    router.post("/api/feedback").handler(this::submit);
  }

  private void form(RoutingContext ctx) {
    intake.form(ctx.pathParam("token"), phoneOf(ctx), HttpSupport.address(ctx))
        .onSuccess(form -> HttpSupport.json(ctx, 200, form))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void submit(RoutingContext ctx) {
    JsonObject valid;
    try {
      valid = HttpSupport.validBody(ctx, schemas, "feedback");
    } catch (Failure invalid) {
      // an over-long comment is worth its own message: the page can tell the writer what to shorten
      if (commentTooLong(ctx)) {
        throw new Failure(ErrorCode.TOO_LARGE, "留言不能超过" + MAX_COMMENT + "字");
      }
      throw invalid;
    }
    intake.submit(valid, phoneOf(ctx), HttpSupport.address(ctx))
        .onSuccess(replaced -> HttpSupport.json(ctx, 201, new JsonObject().put("ok", true).put("replaced", replaced)))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private static boolean commentTooLong(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject().getValue("comment") instanceof String comment && comment.length() > MAX_COMMENT;
    } catch (RuntimeException notAnObject) {
      return false;
    }
  }

  /** The phone's cookie, set now if it has none. */
  private static String phoneOf(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(PHONE_COOKIE);
    if (cookie != null && cookie.getValue().matches("[A-Za-z0-9_-]{16,64}")) {
      return cookie.getValue();
    }
    String value = Secrets.random(18);
    ctx.response().addCookie(Cookie.cookie(PHONE_COOKIE, value).setPath("/api/").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setMaxAge(365L * 24 * 3600));
    return value;
  }
}
