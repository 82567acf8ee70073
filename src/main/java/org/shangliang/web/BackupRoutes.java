package org.shangliang.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.store.Backups;

/**
 * {@code POST /api/backup}: the running server copies its embedded store (docs/DEPLOYMENT.md). Only
 * from this machine, and only with the token the server wrote into its data folder.
 */
final class BackupRoutes {
  static final String TOKEN_HEADER = "X-Backup-Token";
  private final Backups backups;

  /** {@code backups} is null with a real MongoDB, whose own tools take backups. */
  BackupRoutes(Backups backups) {
    this.backups = backups;
  }

  void mount(Router router) {
    router.post("/api/backup").handler(this::backup);
  }

  private void backup(RoutingContext ctx) {
    if (backups == null) {
      HttpFailures.send(ctx, new Failure(ErrorCode.BACKUP_UNAVAILABLE));
      return;
    }
    boolean local = ctx.request().remoteAddress() != null && ctx.request().remoteAddress().hostAddress() != null
        && (ctx.request().remoteAddress().hostAddress().startsWith("127.") || "0:0:0:0:0:0:0:1".equals(ctx.request().remoteAddress().hostAddress()));
    if (!local || !backups.accepts(ctx.request().getHeader(TOKEN_HEADER))) {
      HttpFailures.send(ctx, new Failure(ErrorCode.FORBIDDEN));
      return;
    }
    backups.take().onSuccess(taken -> HttpSupport.json(ctx, 201, taken)).onFailure(e -> HttpFailures.send(ctx, e));
  }
}
