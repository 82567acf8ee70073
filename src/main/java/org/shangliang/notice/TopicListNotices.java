package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.community.CommunitySettings;
import org.shangliang.request.RequestReports;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The topic list (议题清单) of a period, published in one step as a topic-announcement notice on
 * every board for two weeks: what residents raised, by urgency, each named by its public title —
 * never by the words a resident wrote, which name people, rooms and phone numbers.
 */
final class TopicListNotices {
  static final long POSTING_MS = 14L * 24 * 3600_000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

  private final RequestReports reports;
  private final NoticeActions notices;
  private final CommunitySettings community;

  TopicListNotices(RequestReports reports, NoticeActions notices, CommunitySettings community) {
    this.reports = reports;
    this.notices = notices;
    this.community = community;
  }

  Future<JsonObject> publish(Request r) {
    long from = r.body().getLong("from");
    long to = r.body().getLong("to");
    return Future.all(reports.publicTopicList(from, to), community.zone()).compose(read -> {
      JsonArray list = read.resultAt(0);
      ZoneId zone = read.resultAt(1);
      long now = System.currentTimeMillis();
      JsonObject doc = new JsonObject().put("_id", new ObjectId().toHexString()).put("kind", NoticeKind.TOPIC.name())
          .put("title", "议题清单（" + day(from, zone) + "—" + day(to - 1, zone) + "）")
          .put("body", body(list)).put("imageId", (Object) null)
          .put("targets", Targets.allDisplays().toJson())
          .put("startsAt", now).put("endsAt", now + POSTING_MS).put("priority", 1).put("urgent", false)
          .put("source", new JsonObject().put("topicList", new JsonObject().put("from", from).put("to", to)));
      return notices.publishNew(r.who(), doc, "publishTopicList");
    });
  }

  /** A day of the period, in the community's time zone. */
  private static String day(long at, ZoneId zone) {
    return DAY.format(Instant.ofEpochMilli(at).atZone(zone));
  }

  /**
   * One list item per request: urgency and public title, with kind and grid after a title staff
   * gave (a default title is made of them already).
   */
  static String body(JsonArray list) {
    if (list.isEmpty()) {
      return "本期没有新收集的议题。";
    }
    StringBuilder body = new StringBuilder("本期收集的议题，按紧急程度排列：\n");
    list.forEach(o -> {
      JsonObject item = (JsonObject) o;
      body.append("\n- ").append(urgency(item.getInteger("urgency", 1))).append(" ").append(item.getString("title"));
      if (item.getBoolean("named", false)) {
        body.append("（").append(item.getString("kind")).append(" · ").append(item.getString("gridName")).append("）");
      }
    });
    return body.append("\n\n欢迎扫码发表意见。").toString();
  }

  private static String urgency(int urgency) {
    return switch (urgency) {
      case 3 -> "【紧急】";
      case 2 -> "【较急】";
      default -> "【一般】";
    };
  }
}
