package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.auth.Credentials;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.minutes.MinutesDocx;
import org.shangliang.minutes.MinutesPrivacy;
import org.shangliang.minutes.MinutesStore;
import org.shangliang.plan.InvitationSheet;
import org.shangliang.store.Database;

/**
 * A meeting's papers for staff: {@code GET /api/meetings/:id/invitations.csv}, its invited list
 * with a column for the check-in time (docs/API.md, Planning); {@code GET /api/meetings/:id/minutes}
 * and {@code …/minutes.docx}, its minutes as stored and as a Word document (docs/API.md, HTTP routes).
 */
final class MeetingRoutes {
  /** 邀请名单.csv, as the download's name. */
  private static final String DISPOSITION = "attachment; filename=\"invitations.csv\"; "
      + "filename*=UTF-8''%E9%82%80%E8%AF%B7%E5%90%8D%E5%8D%95.csv";
  /** 会议记录.docx, as the download's name. */
  private static final String MINUTES_DISPOSITION = "attachment; filename=\"minutes.docx\"; "
      + "filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E8%AE%B0%E5%BD%95.docx";
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  /** Where the minutes are drafted and approved (org.shangliang.minutes), one document per meeting. */

  private final Vertx vertx;
  private final MinutesStore minutes;
  private final InvitationSheet sheets;
  private final Credentials credentials;

  MeetingRoutes(Vertx vertx, Database db, Credentials credentials) {
    this.vertx = vertx;
    this.minutes = new MinutesStore(db);
    this.sheets = new InvitationSheet(vertx, db);
    this.credentials = credentials;
  }

  void mount(Router router) {
    router.get("/api/meetings/:id/invitations.csv").handler(this::invitations);
    router.get("/api/meetings/:id/minutes").handler(this::minutes);
    router.get("/api/meetings/:id/minutes.docx").handler(this::minutesDocx);
  }

  private void invitations(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    HttpSupport.staff(credentials, ctx)
        .compose(who -> id.matches("[0-9a-f]{24}") ? sheets.csv(id)
            : Future.<String>failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这个会议")))
        .onSuccess(csv -> ctx.response().putHeader("content-type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", DISPOSITION).putHeader("Cache-Control", "no-store").end(csv))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void minutes(RoutingContext ctx) {
    HttpSupport.staff(credentials, ctx).compose(who -> storedMinutes(who, ctx.pathParam("id")))
        .onSuccess(minutes -> HttpSupport.json(ctx, 200, minutes))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  /** Written on a worker thread: a long meeting's document takes POI a noticeable while. */
  private void minutesDocx(RoutingContext ctx) {
    HttpSupport.staff(credentials, ctx).compose(who -> storedMinutes(who, ctx.pathParam("id")))
        .compose(minutes -> vertx.executeBlocking(() -> MinutesDocx.write(minutes), false))
        .onSuccess(bytes -> ctx.response().putHeader("content-type", DOCX)
            .putHeader("Content-Disposition", MINUTES_DISPOSITION).putHeader("Cache-Control", "no-store")
            .end(Buffer.buffer(bytes)))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  /** The meeting's minutes (drafted now if it closed and has none yet), as {@code who} may read them. */
  private Future<JsonObject> storedMinutes(Identity who, String meetingId) {
    return meetingId.matches("[0-9a-f]{24}") ? minutes.minutes(meetingId).map(m -> MinutesPrivacy.forReader(m, who))
        : Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这个会议"));
  }
}
