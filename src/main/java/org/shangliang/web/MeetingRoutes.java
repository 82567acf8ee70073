package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.auth.Credentials;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.plan.InvitationSheet;
import org.shangliang.store.Database;

/**
 * A planned meeting's papers for staff: {@code GET /api/meetings/:id/invitations.csv}, its invited
 * list with a column for the check-in time (docs/API.md, Planning).
 */
final class MeetingRoutes {
  /** 邀请名单.csv, as the download's name. */
  private static final String DISPOSITION = "attachment; filename=\"invitations.csv\"; "
      + "filename*=UTF-8''%E9%82%80%E8%AF%B7%E5%90%8D%E5%8D%95.csv";

  private final InvitationSheet sheets;
  private final Credentials credentials;

  MeetingRoutes(Vertx vertx, Database db, Credentials credentials) {
    this.sheets = new InvitationSheet(vertx, db);
    this.credentials = credentials;
  }

  void mount(Router router) {
    router.get("/api/meetings/:id/invitations.csv").handler(this::invitations);
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
}
