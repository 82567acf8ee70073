package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.admin.AdminConsole;
import org.shangliang.admin.AuditCsv;
import org.shangliang.admin.AuditReader;
import org.shangliang.auth.Credentials;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.community.CommunitySettings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /api/audit.csv}: the audit log as a spreadsheet for administrators and read-only
 * viewers, filtered as {@code listAudit} is (and checked by its schema), newest first.
 */
final class AuditRoutes {
  private static final Pattern MILLIS = Pattern.compile("[0-9]{1,13}");
  private static final List<String> TEXT_FILTERS = List.of("actor", "area");

  private final Schemas schemas = Schemas.load("schemas/admin-commands.json", "action");
  private final AuditReader reader;
  private final Credentials credentials;
  private final CommunitySettings community;

  AuditRoutes(AuditReader reader, Credentials credentials, CommunitySettings community) {
    this.reader = reader;
    this.credentials = credentials;
    this.community = community;
  }

  void mount(Router router) {
    router.get("/api/audit.csv").handler(this::export);
  }

  /** Times and the file's date are the community's (its time zone), not the server's. */
  private void export(RoutingContext ctx) {
    reader(ctx).map(who -> filterOf(ctx.queryParams()))
        .compose(filter -> Future.all(reader.newest(filter, AuditReader.MAX_EXPORT), community.zone()))
        .onSuccess(read -> send(ctx, read.resultAt(0), read.resultAt(1)))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }

  private static void send(RoutingContext ctx, List<JsonObject> entries, ZoneId zone) {
    ctx.response().putHeader("content-type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"audit-" + LocalDate.now(zone) + ".csv\"")
        .putHeader("Cache-Control", "no-store").end(AuditCsv.write(entries, zone));
  }

  private Future<Identity> reader(RoutingContext ctx) {
    return credentials.resolve(HttpSupport.bearer(ctx)).compose(who -> who.type() == Identity.Type.ANONYMOUS
        ? Future.failedFuture(new Failure(ErrorCode.UNAUTHENTICATED))
        : AdminConsole.readsAudit(who) ? Future.succeededFuture(who) : Future.failedFuture(new Failure(ErrorCode.FORBIDDEN)));
  }

  /** The query's filters as listAudit's parameters; an empty one is no filter, times are ms. */
  private JsonObject filterOf(MultiMap query) {
    JsonObject filter = new JsonObject().put("action", "listAudit");
    TEXT_FILTERS.forEach(name -> putText(filter, name, query.get(name)));
    putText(filter, "auditAction", query.get("action"));
    for (String name : List.of("from", "to")) {
      String value = query.get(name);
      if (value != null && !value.isEmpty()) {
        if (!MILLIS.matcher(value).matches()) {
          throw new Failure(ErrorCode.BAD_REQUEST, "请求格式不正确：" + name);
        }
        filter.put(name, Long.parseLong(value));
      }
    }
    schemas.check("listAudit", filter);
    return filter;
  }

  private static void putText(JsonObject filter, String name, String value) {
    if (value != null && !value.isBlank()) {
      filter.put(name, value.strip());
    }
  }
}
