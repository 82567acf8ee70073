package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.shangliang.auth.Credentials;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.RateLimiter;
import org.shangliang.common.Schemas;
import org.shangliang.qr.QrTokens;
import org.shangliang.request.RequestActions;
import org.shangliang.request.RequestChannel;
import org.shangliang.request.RequestIntake;
import org.shangliang.request.RequestPhotos;

import java.util.function.Supplier;

/**
 * A resident's phone files a request (from a display's or poster's code), follows it on its status
 * page and rates the outcome; staff fetch a request's photo. No login: the signed tokens say what
 * the phone may see, and rates are limited per phone and per network address.
 */
final class RequestRoutes {
  static final int FILINGS_PER_ADDRESS = 10;
  static final int PHOTOS_PER_ADDRESS = 10;
  static final long WINDOW_MS = 10 * 60_000L;
  /** Lookups by number and phone: few per address, and few per number from anywhere, so 10,000 endings cannot be tried. */
  static final int LOOKUPS_PER_ADDRESS = 10;
  static final int LOOKUPS_PER_NUMBER = 20;
  static final long NUMBER_WINDOW_MS = 24 * 3600_000L;
  /** /r/ without a token: the page that finds a request by number and phone. */
  static final String LOOKUP_PAGE = QrRoutes.PHONE_PAGES + "request-lookup.html";

  private final RequestIntake intake;
  private final RequestActions actions;
  private final RequestPhotos photos;
  private final QrTokens tokens;
  private final RateLimiter limits;
  private final Credentials credentials;
  private final Schemas schemas;
  private final Supplier<String> publicUrl;

  RequestRoutes(RequestIntake intake, RequestActions actions, RequestPhotos photos, QrTokens tokens, RateLimiter limits,
                Credentials credentials, Schemas schemas, Supplier<String> publicUrl) {
    this.intake = intake;
    this.actions = actions;
    this.photos = photos;
    this.tokens = tokens;
    this.limits = limits;
    this.credentials = credentials;
    this.schemas = schemas;
    this.publicUrl = publicUrl;
  }

  void mount(Router router) {
    router.get("/api/requests/form/:token").handler(this::form);
    router.post("/api/requests/photo").handler(BodyHandler.create(false).setBodyLimit(RequestPhotos.MAX_BYTES))
        .handler(this::uploadPhoto);
    router.post("/api/requests").handler(this::file);
    router.get("/api/requests/status/:token").handler(this::status);
    router.post("/api/requests/lookup").handler(this::lookup);
    router.get("/r/").handler(ctx -> ctx.response().putHeader("content-type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache").sendFile(LOOKUP_PAGE).onFailure(e -> ctx.fail(404)));
    router.post("/api/requests/rate").handler(this::rate);
    router.get("/api/requests/:id/photo").handler(this::photo);
  }

  private void form(RoutingContext ctx) {
    QrTokens.Signed where = tokens.verify(ctx.pathParam("token"), QrTokens.Purpose.REPORT);
    intake.form().onSuccess(form -> HttpSupport.json(ctx, 200, form.put("gridId", where.first())))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void uploadPhoto(RoutingContext ctx) {
    Buffer body = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    limits.count("photo:" + HttpSupport.address(ctx), PHOTOS_PER_ADDRESS, WINDOW_MS)
        .compose(v -> photos.store(body))
        .onSuccess(id -> HttpSupport.json(ctx, 201, new JsonObject().put("photoId", id)))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void file(RoutingContext ctx) {
    JsonObject body = HttpSupport.validBody(ctx, schemas, "fileRequest");
    QrTokens.Signed where = tokens.verify(body.getString("token"), QrTokens.Purpose.REPORT);
    String photoId = body.getString("photoId");
    JsonObject source = new JsonObject().put("displayId", where.second()).put("gridId", where.first());
    limits.count("filing:" + HttpSupport.address(ctx), FILINGS_PER_ADDRESS, WINDOW_MS)
        .compose(v -> photoId == null ? Future.succeededFuture(true) : photos.exists(photoId))
        .compose(found -> found ? intake.file(body, RequestChannel.WEB, source)
            : Future.failedFuture(new Failure(ErrorCode.BAD_REQUEST, "照片不存在，请重新上传")))
        .onSuccess(filed -> HttpSupport.json(ctx, 201, filed.put("statusUrl", publicUrl.get() + "/r/" + filed.getString("statusToken"))))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void status(RoutingContext ctx) {
    intake.status(ctx.pathParam("token")).onSuccess(status -> HttpSupport.json(ctx, 200, status))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  /**
   * A resident who lost the status page finds it again by the request's number and the last four
   * digits of the phone they gave; counted before the request is read, so a refusal costs the same.
   */
  private void lookup(RoutingContext ctx) {
    JsonObject body = HttpSupport.validBody(ctx, schemas, "lookupRequest");
    String number = body.getString("number");
    limits.count("lookup:" + HttpSupport.address(ctx), LOOKUPS_PER_ADDRESS, WINDOW_MS)
        .compose(v -> limits.count("lookup-number:" + number, LOOKUPS_PER_NUMBER, NUMBER_WINDOW_MS))
        .compose(v -> intake.lookup(number, body.getString("phoneLast4")))
        .onSuccess(found -> HttpSupport.json(ctx, 200, found.put("statusUrl", publicUrl.get() + "/r/" + found.getString("statusToken"))))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  /** The resident's own rating, from the status page their code opens. */
  private void rate(RoutingContext ctx) {
    JsonObject body = HttpSupport.validBody(ctx, schemas, "rateRequest");
    String requestId = intake.requestOf(body.getString("token"));
    // the resident has no account: the history and the audit log know them by their role alone
    JsonObject resident = new JsonObject().put("id", "resident").put("name", "居民").put("role", "RESIDENT");
    limits.count("rating:" + HttpSupport.address(ctx), FILINGS_PER_ADDRESS, WINDOW_MS)
        .compose(v -> actions.rateAs(requestId, resident, body.getString("rating"), body.getString("comment")))
        .compose(v -> intake.status(body.getString("token")))
        .onSuccess(status -> HttpSupport.json(ctx, 200, status))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  /** Photos are personal data: console accounts that may see them only (RequestPhotos says who). */
  private void photo(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9a-f]{24}")) {
      ctx.fail(404);
      return;
    }
    HttpSupport.staff(credentials, ctx).compose(who -> photos.ofRequest(id, who))
        .onSuccess(photo -> ctx.response().putHeader("content-type", photo.type())
            .putHeader("Cache-Control", "private, no-store").end(photo.bytes()))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }
}
