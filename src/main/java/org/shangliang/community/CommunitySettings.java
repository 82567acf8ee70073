package org.shangliang.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

/** The community's name, street, time zone and language as saved, for other features' papers and pages. */
public final class CommunitySettings {
  private final CommunityStore store;

  public CommunitySettings(MongoClient mongo) {
    this.store = new CommunityStore(mongo);
  }

  /** {@code {name, street, timeZone, language}}, with the defaults (Asia/Shanghai, zh-CN) where nothing was saved. */
  public Future<JsonObject> read() {
    return store.community();
  }
}
