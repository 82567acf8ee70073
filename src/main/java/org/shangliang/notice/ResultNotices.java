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
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.request.PublicTitles;
import org.shangliang.request.RequestStore;
import org.shangliang.room.Matter;
import org.shangliang.room.Meeting;
import org.shangliang.room.RoomStore;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * From the room to the notice boards: the announced resolutions of meetings, and the one step that
 * turns one into a published result notice (结果公示) posted everywhere for seven days. A matter
 * that came from a resident's request is named by that request's public title as it stands now,
 * whatever the agenda was given when the topic was scheduled.
 */
final class ResultNotices {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final MongoClient mongo;
  private final NoticeStore store;
  private final NoticeActions notices;
  private final RequestStore requests;
  private final CommunitySettings community;

  ResultNotices(MongoClient mongo, NoticeStore store, NoticeActions notices, RequestStore requests,
                CommunitySettings community) {
    this.mongo = mongo;
    this.store = store;
    this.notices = notices;
    this.requests = requests;
    this.community = community;
  }

  Future<JsonObject> list(Request r) {
    return mongo.find(RoomStore.MEETINGS, new JsonObject()).compose(docs -> {
      List<Future<JsonObject>> rows = new ArrayList<>();
      for (JsonObject doc : docs) {
        Meeting meeting = Meeting.fromDocument(doc);
        for (Matter matter : meeting.agenda()) {
          if (matter.resolution() != null) {
            rows.add(store.bySource(meeting.id(), matter.id()).map(notice -> new JsonObject()
                .put("meetingId", meeting.id()).put("meetingTitle", meeting.title())
                .put("matterId", matter.id()).put("matterTitle", matter.title())
                .put("resolution", matter.resolution())
                .put("noticeId", notice == null ? null : notice.getString("_id"))));
          }
        }
      }
      return Future.all(rows).map(all -> new JsonObject().put("resolutions", new JsonArray(all.list())));
    });
  }

  /** Publishes the matter's result, or answers the result notice already made from it. */
  Future<JsonObject> publish(Request r) {
    String meetingId = r.body().getString("meetingId");
    String matterId = r.body().getString("matterId");
    return store.bySource(meetingId, matterId).compose(existing -> existing != null
        ? Future.succeededFuture(new JsonObject().put("notice", NoticeStore.consoleView(existing)))
        : mongo.findOne(RoomStore.MEETINGS, new JsonObject().put("_id", meetingId), null).compose(doc -> {
          Meeting meeting = doc == null ? null : Meeting.fromDocument(doc);
          Matter matter = meeting == null ? null
              : meeting.agenda().stream().filter(m -> m.id().equals(matterId)).findFirst().orElse(null);
          if (matter == null || matter.resolution() == null) {
            throw new Failure(ErrorCode.NOT_FOUND, "这个议题还没有宣布的表决结果");
          }
          return Future.all(titleOf(matter), community.zone()).compose(read -> notices.publishNew(r.who(),
              resultNotice(meeting, matter, read.resultAt(0), read.resultAt(1), System.currentTimeMillis()), "resultFromMatter"));
        }));
  }

  /** The public title of the request the matter came from, or the matter's own title (hosts and staff wrote it). */
  private Future<String> titleOf(Matter matter) {
    return requests.matterOf(matter.id()).map(docs -> docs.isEmpty() ? matter.title() : PublicTitles.of(docs.get(0)));
  }

  /** The notice of a matter's result; its time announced is given in {@code zone}, the community's. */
  static JsonObject resultNotice(Meeting meeting, Matter matter, String title, ZoneId zone, long now) {
    return new JsonObject().put("_id", new ObjectId().toHexString()).put("kind", NoticeKind.RESULT.name())
        .put("title", truncate("议事结果公示：" + title, 60)).put("body", body(meeting, matter, title, zone))
        .put("imageId", (Object) null).put("targets", Targets.allDisplays().toJson())
        .put("startsAt", now).put("endsAt", now + PostingRules.MIN_POSTING_MS)
        .put("priority", 1).put("urgent", false)
        .put("source", new JsonObject().put("meetingId", meeting.id()).put("matterId", matter.id()));
  }

  static String body(Meeting meeting, Matter matter, String title, ZoneId zone) {
    JsonObject resolution = matter.resolution();
    JsonObject outcome = resolution.getJsonObject("outcome", new JsonObject());
    String verdict = outcome.getBoolean("passed", false) ? "**通过**" : "**未通过**（" + reason(outcome.getString("reason")) + "）";
    return "议事会：" + meeting.title() + "\n议题：" + title + "\n表决事项：" + resolution.getString("motion")
        + "\n\n表决结果：" + verdict
        + "\n- 赞成 " + outcome.getInteger("FOR", 0) + " 票"
        + "\n- 反对 " + outcome.getInteger("AGAINST", 0) + " 票"
        + "\n- 弃权 " + outcome.getInteger("ABSTAIN", 0) + " 票"
        + "\n- 共 " + outcome.getInteger("cast", 0) + " 人投票"
        + belowQuorum(outcome.getJsonObject("quorumOverride"))
        + "\n\n宣布时间：" + WHEN.format(Instant.ofEpochMilli(resolution.getLong("announcedAt", 0L)).atZone(zone))
        + "\n公示期不少于7天。如有意见，欢迎扫码评价、提建议。";
  }

  private static String reason(String reason) {
    return switch (reason == null ? "" : reason) {
      case "TIE" -> "赞成与反对票数相同";
      case "NO_QUORUM" -> "投票人数少于规定的最少投票人数";
      default -> "赞成票未过半数";
    };
  }

  /** A vote held below the meeting's quorum is published as such, with the host's reason. */
  private static String belowQuorum(JsonObject override) {
    if (override == null) {
      return "";
    }
    return "\n\n**未达法定人数**：到会 " + override.getInteger("present", 0) + " 人，法定人数 "
        + override.getInteger("required", 0) + " 人；主持人" + override.getString("by", "") + "决定照常表决，理由："
        + override.getString("reason", "");
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
