package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.auth.Credentials;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;

/** What every HTTP route needs: a validated JSON body, the bearer token, staff-only access, JSON answers. */
final class HttpSupport {
  private HttpSupport() {
  }

  /** The body as a JSON object matching the named schema; BAD_REQUEST otherwise. */
  static JsonObject validBody(RoutingContext ctx, Schemas schemas, String schema) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw new Failure(ErrorCode.BAD_REQUEST, "请求体必须是 JSON 对象");
    }
    if (body == null) {
      throw new Failure(ErrorCode.BAD_REQUEST, "请求体必须是 JSON 对象");
    }
    schemas.check(schema, body);
    return body;
  }

  static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
  }

  /** The signed-in staff member or host; UNAUTHENTICATED or FORBIDDEN otherwise. */
  static Future<Identity> staff(Credentials credentials, RoutingContext ctx) {
    return credentials.resolve(bearer(ctx)).compose(who -> {
      if (who.type() == Identity.Type.ANONYMOUS) {
        return Future.failedFuture(new Failure(ErrorCode.UNAUTHENTICATED));
      }
      return who.isStaff() ? Future.succeededFuture(who) : Future.failedFuture(new Failure(ErrorCode.FORBIDDEN));
    });
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }

  /** The caller's network address, for rate limits. */
  static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
  }
}
