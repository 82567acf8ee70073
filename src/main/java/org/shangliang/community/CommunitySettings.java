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
  /** The collection of the community's one document, {@link #DOCUMENT_ID}. */
  public static final String COLLECTION = "community";
  public static final String DOCUMENT_ID = "community";
  public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";
  /** The language of the community's kiosks and displays, whatever their browsers were installed in. */
  public static final String DEFAULT_LANGUAGE = "zh-CN";

  private final MongoClient mongo;

  public CommunitySettings(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** {@code {name, street, timeZone, language}}, with the defaults (Asia/Shanghai, zh-CN) where nothing was saved. */
  public Future<JsonObject> read() {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", DOCUMENT_ID), null).map(doc -> {
      JsonObject saved = doc == null ? new JsonObject() : doc;
      return new JsonObject().put("name", saved.getString("name", "")).put("street", saved.getString("street", ""))
          .put("timeZone", saved.getString("timeZone", DEFAULT_TIME_ZONE))
          .put("language", saved.getString("language", DEFAULT_LANGUAGE));
    });
  }

  /** The community's time zone: its dates, days, months and deadlines are counted in it. */
  public Future<ZoneId> zone() {
    return read().map(CommunitySettings::zoneOf);
  }

  /** The time zone of settings already {@link #read}; the default if the saved one is not known to this Java. */
  public static ZoneId zoneOf(JsonObject settings) {
    try {
      return ZoneId.of(settings.getString("timeZone", DEFAULT_TIME_ZONE));
    } catch (DateTimeException unknown) {
      return ZoneId.of(DEFAULT_TIME_ZONE);
    }
  }
}
