package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.community.CommunitySettings;
import org.shangliang.followup.ResolutionStore;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shangliang.notice.store.NoticeStore;

/**
 * 及时公示 of a 咨询类 or 听证类 resolution's follow-up: one notice per resolution on the boards of
 * its meeting's grids, published in one step and updated in place each time it is published again
 * (after the next follow-up, or once solved), posted for seven days from then.
 */
final class FollowUpNotices {
  static final String SOURCE_KIND = "followup";
  /** The latest follow-ups a notice shows; the whole log stays in the console. */
  static final int FOLLOW_UPS_SHOWN = 5;
  private static final Set<String> PUBLISHED_KINDS = Set.of("INQUIRY", "HEARING");

  private final MongoClient mongo;
  private final NoticeStore store;
  private final NoticeActions notices;
  private final CommunitySettings community;

  FollowUpNotices(MongoClient mongo, NoticeStore store, NoticeActions notices, CommunitySettings community) {
    this.mongo = mongo;
    this.store = store;
    this.notices = notices;
    this.community = community;
  }

  Future<JsonObject> publish(Request r) {
    String id = r.body().getString("resolutionId");
    return Future.all(mongo.findOne(ResolutionStore.COLLECTION, new JsonObject().put("_id", id), null),
        community.zone()).compose(read -> {
          JsonObject item = read.resultAt(0);
          if (item == null) {
            throw new Failure(ErrorCode.NOT_FOUND, "没有这条决议");
          }
          if (!PUBLISHED_KINDS.contains(item.getString("topicKind"))) {
            throw new Failure(ErrorCode.FOLLOW_UP_NOT_PUBLISHED);
          }
          List<String> grids = item.getJsonArray("gridIds", new JsonArray()).stream().map(String::valueOf).toList();
          if (grids.isEmpty()) {
            throw new Failure(ErrorCode.MEETING_NAMES_NO_GRID);
          }
          long now = System.currentTimeMillis();
          JsonObject source = new JsonObject().put("meetingId", item.getString("meetingId"))
              .put("matterId", item.getString("matterId")).put("kind", SOURCE_KIND);
          JsonObject doc = new JsonObject().put("_id", new ObjectId().toHexString()).put("kind", NoticeKind.FOLLOW_UP.name())
              .put("title", truncate("跟踪落实公示：" + item.getString("title"), 60))
              .put("body", body(item, read.resultAt(1))).put("imageId", (Object) null)
              .put("targets", new Targets(false, Set.copyOf(grids), Set.of()).toJson())
              .put("startsAt", now).put("endsAt", now + PostingRules.MIN_POSTING_MS).put("priority", 1).put("urgent", false)
              .put("source", source);
          return store.bySource(source).compose(existing -> notices.publishOrUpdate(r.who(), existing, doc, "followUpNotice"));
        });
  }

  /** The resolution, who answers for it and by when, the latest follow-ups, and where it stands. */
  static String body(JsonObject item, ZoneId zone) {
    StringBuilder body = new StringBuilder("议事会：").append(item.getString("meetingTitle", ""))
        .append("\n议题：").append(item.getString("title", ""))
        .append("\n决议：").append(item.getString("text", ""))
        .append("\n责任主体：").append(blankAs(item.getString("responsible"), "待定"))
        .append("\n完成时限：").append(item.getLong("dueAt") == null ? "待定" : day(item.getLong("dueAt"), zone))
        .append("\n\n**跟进情况**");
    JsonArray followUps = item.getJsonArray("followUps", new JsonArray());
    if (followUps.isEmpty()) {
      body.append("\n- 尚未跟进");
    }
    for (int i = Math.max(0, followUps.size() - FOLLOW_UPS_SHOWN); i < followUps.size(); i++) {
      JsonObject f = followUps.getJsonObject(i);
      body.append("\n- ").append(day(f.getLong("at"), zone)).append("：").append(f.getString("found", ""));
    }
    boolean solved = "SOLVED".equals(item.getString("status"));
    body.append("\n\n办理状态：").append(solved ? "**已办结**" : "办理中");
    if (solved && item.getString("solvedNote") != null) {
      body.append("（").append(item.getString("solvedNote")).append("）");
    }
    return body.append("\n\n").append(MeetingNoticeText.PERIOD_LINE).toString();
  }

  private static String blankAs(String s, String otherwise) {
    return s == null || s.isBlank() ? otherwise : s;
  }

  private static String day(long at, ZoneId zone) {
    return DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA).withZone(zone).format(Instant.ofEpochMilli(at));
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
