package org.shangliang.community;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;

/**
 * The one language the community's kiosks and displays speak (zh-CN unless an administrator chose
 * en), read by their pages before they draw anything: a kiosk whose browser was installed in English
 * still speaks to attendees in the community's language.
 */
public final class CommunityLanguage {
  private final CommunitySettings settings;

  public CommunityLanguage(MongoClient mongo) {
    this.settings = new CommunitySettings(mongo);
  }

  /** The saved language, or zh-CN. */
  public Future<String> current() {
    return settings.read().map(c -> c.getString("language"));
  }
}
