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
import org.shangliang.member.MemberTable;
import org.shangliang.store.Database;

/**
 * The register of members as a spreadsheet: {@code GET /api/members.csv} exports what the caller
 * may see, {@code POST /api/members.csv} imports a file all at once or not at all (docs/API.md, Members).
 */
final class MemberRoutes {
  /** A file of 2,000 rows with long notes stays well under this. */
  static final int MAX_CSV_BYTES = 512 * 1024;
  static final String PATH = "/api/members.csv";
  /** 议事成员.csv, as the download's name. */
  private static final String DISPOSITION = "attachment; filename=\"members.csv\"; "
      + "filename*=UTF-8''%E8%AE%AE%E4%BA%8B%E6%88%90%E5%91%98.csv";

  private final MemberTable table;
  private final Credentials credentials;

  MemberRoutes(Database db, Credentials credentials) {
    this.table = new MemberTable(db);
    this.credentials = credentials;
  }

  void mount(Router router) {
    router.get(PATH).handler(this::export);
    router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_CSV_BYTES)).handler(this::importFile);
  }

  private void export(RoutingContext ctx) {
    HttpSupport.staff(credentials, ctx).compose(table::export)
        .onSuccess(csv -> ctx.response().putHeader("content-type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", DISPOSITION).putHeader("Cache-Control", "no-store").end(Buffer.buffer(csv)))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private void importFile(RoutingContext ctx) {
    HttpSupport.staff(credentials, ctx).compose(who -> {
      String type = ctx.request().getHeader("content-type");
      if (type == null || !type.toLowerCase().startsWith("text/csv")) {
        return Future.failedFuture(new Failure(ErrorCode.BAD_REQUEST, "请上传 CSV 文件（Content-Type: text/csv）"));
      }
      Buffer body = ctx.body().buffer();
      return table.importFile(who, body == null ? new byte[0] : body.getBytes());
    }).onSuccess(report -> HttpSupport.json(ctx, report.getJsonArray("errors").isEmpty() ? 200
            : ErrorCode.MEMBER_IMPORT_REJECTED.httpStatus(), rejected(report)))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  /** A report with errors also carries the failure's code and message, as every refusal does. */
  private static JsonObject rejected(JsonObject report) {
    return report.getJsonArray("errors").isEmpty() ? report
        : new Failure(ErrorCode.MEMBER_IMPORT_REJECTED).toJson().mergeIn(report);
  }
}
