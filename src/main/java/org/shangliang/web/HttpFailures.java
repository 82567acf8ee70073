package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns failures into HTTP answers: a status and {@code {code, message}}, never a stack trace. */
final class HttpFailures {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFailures.class);

  private HttpFailures() {
  }

  static void send(RoutingContext ctx, Throwable error) {
    Failure failure = Failure.of(error);
    if (failure.code() == ErrorCode.INTERNAL) {
      LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), error);
    }
    if (failure.retryAfterSeconds() > 0 && !ctx.response().ended()) {
      ctx.response().putHeader("Retry-After", String.valueOf(failure.retryAfterSeconds()));
    }
    if (!ctx.response().ended()) {
      send(ctx.response(), failure);
    }
  }

  /** The answer itself, also for requests no route holds (one that ran out of time). */
  static Future<Void> send(HttpServerResponse response, Failure failure) {
    return response.setStatusCode(failure.code().httpStatus())
        .putHeader("content-type", "application/json; charset=utf-8")
        .end(failure.toJson().encode());
  }

  /** Router-level failures (body too large, bad JSON, unexpected exceptions). */
  static void handleRouteFailure(RoutingContext ctx) {
    Throwable cause = ctx.failure();
    if (cause instanceof Failure) {
      send(ctx, cause);
      return;
    }
    ErrorCode code = switch (ctx.statusCode()) {
      case 413 -> ErrorCode.TOO_LARGE;
      case 400 -> ErrorCode.BAD_REQUEST;
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404 -> ErrorCode.NOT_FOUND;
      default -> ErrorCode.INTERNAL;
    };
    send(ctx, code == ErrorCode.INTERNAL && cause != null ? cause : new Failure(code));
  }
}
