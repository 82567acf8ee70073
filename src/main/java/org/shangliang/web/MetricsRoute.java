package org.shangliang.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Secrets;
import org.shangliang.metrics.Meters;

import java.util.Set;

/**
 * {@code GET /metrics}: this node's meters in the Prometheus text format, for the addresses the
 * configuration allows (METRICS_ALLOW) or a scraper holding METRICS_TOKEN; everyone else gets 403.
 */
final class MetricsRoute {
  private final Set<String> allowedAddresses;
  private final String tokenDigest;

  /** {@code token} may be null: then only the allowed addresses may read. */
  MetricsRoute(Set<String> allowedAddresses, String token) {
    this.allowedAddresses = allowedAddresses;
    this.tokenDigest = token == null || token.isBlank() ? null : Secrets.digest(token);
  }

  void mount(Router router) {
    router.get("/metrics").handler(this::scrape);
  }

  private void scrape(RoutingContext ctx) {
    if (!allowed(ctx)) {
      HttpFailures.send(ctx, new Failure(ErrorCode.FORBIDDEN));
      return;
    }
    ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(Meters.registry().scrape());
  }

  private boolean allowed(RoutingContext ctx) {
    String address = HttpSupport.address(ctx);
    if (allowedAddresses.contains(address)) {
      return true;
    }
    return tokenDigest != null && Secrets.matches(HttpSupport.bearer(ctx), tokenDigest);
  }
}
