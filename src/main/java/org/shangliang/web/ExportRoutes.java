package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.auth.Credentials;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.export.ExportFormat;
import org.shangliang.export.ExportName;
import org.shangliang.export.Exports;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The spreadsheet exports for console accounts: {@code GET /api/exports/<name>.xlsx} and {@code .csv} (docs/API.md, Exports). */
final class ExportRoutes {
  static final String PATH = "/api/exports/:file";

  private final Exports exports;
  private final Credentials credentials;

  ExportRoutes(Exports exports, Credentials credentials) {
    this.exports = exports;
    this.credentials = credentials;
  }

  void mount(Router router) {
    router.get(PATH).handler(this::export);
  }

  private void export(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    int dot = file.lastIndexOf('.');
    Optional<ExportName> name = dot < 0 ? Optional.empty() : ExportName.of(file.substring(0, dot));
    Optional<ExportFormat> format = dot < 0 ? Optional.empty() : ExportFormat.of(file.substring(dot + 1));
    HttpSupport.staff(credentials, ctx).compose(who -> name.isEmpty() || format.isEmpty()
            ? Future.<byte[]>failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这项导出"))
            : exports.file(name.get(), format.get(), who, ctx.queryParams()))
        .onSuccess(bytes -> ctx.response().putHeader("content-type", format.get().contentType())
            .putHeader("Content-Disposition", disposition(name.get(), format.get()))
            .putHeader("Cache-Control", "no-store").end(Buffer.buffer(bytes)))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  /** An ASCII name for old clients and the Chinese one (e.g. 会议.xlsx) for the rest. */
  static String disposition(ExportName name, ExportFormat format) {
    String chinese = URLEncoder.encode(name.chinese() + "." + format.extension(), StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + name.route() + "." + format.extension() + "\"; filename*=UTF-8''" + chinese;
  }
}
