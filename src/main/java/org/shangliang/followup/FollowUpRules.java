package org.shangliang.followup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.request.TopicKind;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a resolution is next followed up (跟踪落实): half a month after the last follow-up for
 * 协商类 and 决策类, a month for 咨询类 and 听证类 (../shared/DOMAIN.md), counted from when it was
 * tracked until the first one. A resolution whose kind was never chosen is followed up as 协商类,
 * the stricter cadence, so nothing waits longer than the rules allow.
 */
public final class FollowUpRules {
  private FollowUpRules() {
  }

  public static TopicKind kindOf(JsonObject item) {
    String kind = item.getString("topicKind");
    return kind == null ? TopicKind.CONSULTATION : TopicKind.valueOf(kind);
  }

  /** The next follow-up, in the community's time zone (a month is a calendar month); null once solved. */
  public static Long nextFollowUpAt(JsonObject item, ZoneId zone) {
    if (ResolutionStore.SOLVED.equals(item.getString("status"))) {
      return null;
    }
    JsonArray followUps = item.getJsonArray("followUps", new JsonArray());
    long last = followUps.isEmpty() ? item.getLong("trackedAt")
        : followUps.getJsonObject(followUps.size() - 1).getLong("at");
    return ZonedDateTime.ofInstant(Instant.ofEpochMilli(last), zone).plus(kindOf(item).followUpEvery())
        .toInstant().toEpochMilli();
  }
}
