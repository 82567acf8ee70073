package org.shangliang.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The community's name, street, time zone and language as saved, for other features' papers and
 * pages. Read from MongoDB each time, never kept: an administrator's change on one node holds on
 * every node at once.
 */
public final class CommunitySettings {
  private final CommunityStore store;

  public CommunitySettings(MongoClient mongo) {
    this.store = new CommunityStore(mongo);
  }

  /** {@code {name, street, timeZone, language}}, with the defaults (Asia/Shanghai, zh-CN) where nothing was saved. */
  public Future<JsonObject> read() {
    return store.community();
  }

  /** The community's time zone: its dates, days, months and deadlines are counted in it. */
  public Future<ZoneId> zone() {
    return read().map(CommunitySettings::zoneOf);
  }

  /** The time zone of settings already {@link #read}; the default if the saved one is not known to this Java. */
  public static ZoneId zoneOf(JsonObject settings) {
    try {
      return ZoneId.of(settings.getString("timeZone", CommunityStore.DEFAULT_TIME_ZONE));
    } catch (DateTimeException unknown) {
      return ZoneId.of(CommunityStore.DEFAULT_TIME_ZONE);
    }
  }
}
