package org.shangliang.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.shangliang.community.CommunityLanguage;

/**
 * The community's language for kiosk and display pages, public: a page needs it before it has a
 * bus connection or draws its first word, and it says nothing about anyone.
 */
final class LanguageRoute {
  private final CommunityLanguage language;

  LanguageRoute(CommunityLanguage language) {
    this.language = language;
  }

  void mount(Router router) {
    router.get("/api/community/language").handler(this::language);
  }

  private void language(RoutingContext ctx) {
    language.current().onSuccess(lang -> HttpSupport.json(ctx, 200, new JsonObject().put("language", lang)))
        .onFailure(e -> HttpFailures.send(ctx, e));
  }
}
