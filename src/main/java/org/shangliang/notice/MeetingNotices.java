package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.auth.Accounts;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.community.CommunitySettings;
import org.shangliang.minutes.MinutesStore;
import org.shangliang.notice.MeetingNoticeText.HeldVote;
import org.shangliang.notice.MeetingNoticeText.Setting;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.room.Meeting;
import org.shangliang.room.RoomStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A meeting's publicity on the boards of the grids it concerns, each in one step: its plan
 * (议事方案) before it and its process (议事过程) once it has closed, beside its results. Each
 * notice is linked to its meeting ({@code source: {meetingId, kind}}); publishing again brings the
 * same notice up to date instead of posting a second one. The votes of the process are read from
 * the room's record (its announced results in the audit log), so a matter voted on twice shows both.
 */
final class MeetingNotices {
  static final String PLAN = "plan";
  static final String PROCESS = "process";
  static final long DAY_MS = 24 * 3600_000L;

  private final MongoClient mongo;
  private final NoticeStore store;
  private final NoticeActions notices;
  private final MinutesStore minutes;
  private final CommunitySettings community;

  MeetingNotices(MongoClient mongo, NoticeStore store, NoticeActions notices, MinutesStore minutes,
                 CommunitySettings community) {
    this.mongo = mongo;
    this.store = store;
    this.notices = notices;
    this.minutes = minutes;
    this.community = community;
  }

  /**
   * The plan of a meeting not yet over, posted from now for seven days, or until the day after
   * the meeting if that is later, so it never comes down before the meeting has been held.
   */
  Future<JsonObject> plan(Request r) {
    return meeting(r.body().getString("meetingId")).compose(found -> {
      Meeting meeting = found.meeting();
      if (meeting.status() == Meeting.Status.CLOSED) {
        throw new Failure(ErrorCode.MEETING_ALREADY_OVER);
      }
      requireGrids(meeting);
      return setting(meeting).compose(setting -> {
        long now = System.currentTimeMillis();
        Long startsAt = meeting.plan().startsAt();
        long endsAt = Math.max(now + PostingRules.MIN_POSTING_MS, startsAt == null ? 0 : startsAt + DAY_MS);
        JsonObject doc = notice(NoticeKind.PLAN, meeting, PLAN, MeetingNoticeText.planTitle(meeting),
            MeetingNoticeText.planBody(meeting, setting), now, endsAt);
        return store.byMeeting(meeting.id(), PLAN).compose(existing -> notices.publishOrUpdate(r.who(), existing, doc, "planNotice"));
      });
    });
  }

  /**
   * The process of a closed meeting, posted from now for seven days; once its minutes are approved,
   * published again (the same notice, updated) it carries their summaries and resolutions too.
   */
  Future<JsonObject> process(Request r) {
    return meeting(r.body().getString("meetingId")).compose(found -> {
      Meeting meeting = found.meeting();
      if (meeting.status() != Meeting.Status.CLOSED) {
        throw new Failure(ErrorCode.MEETING_NOT_CLOSED);
      }
      requireGrids(meeting);
      return Future.all(setting(meeting), votes(meeting), minutes.approved(meeting.id())).compose(read -> {
        long now = System.currentTimeMillis();
        String body = MeetingNoticeText.processBody(meeting, read.resultAt(0), speeches(found.document()), read.resultAt(1),
            read.resultAt(2));
        JsonObject doc = notice(NoticeKind.PROCESS, meeting, PROCESS, MeetingNoticeText.processTitle(meeting), body,
            now, now + PostingRules.MIN_POSTING_MS);
        return store.byMeeting(meeting.id(), PROCESS).compose(existing -> notices.publishOrUpdate(r.who(), existing, doc, "processNotice"));
      });
    });
  }

  private record Found(Meeting meeting, JsonObject document) {
  }

  private Future<Found> meeting(String meetingId) {
    return mongo.findOne(RoomStore.MEETINGS, new JsonObject().put("_id", meetingId), null).map(doc -> {
      if (doc == null) {
        throw new Failure(ErrorCode.NOT_FOUND, "没有这个会议");
      }
      return new Found(Meeting.fromDocument(doc), doc);
    });
  }

  /** A meeting's notices go to the boards of the grids it concerns; one that names none cannot be posted. */
  private static void requireGrids(Meeting meeting) {
    if (meeting.plan().gridIds().isEmpty()) {
      throw new Failure(ErrorCode.MEETING_NAMES_NO_GRID);
    }
  }

  private static JsonObject notice(NoticeKind kind, Meeting meeting, String sourceKind, String title, String body,
                                   long startsAt, long endsAt) {
    Targets grids = new Targets(false, Set.copyOf(meeting.plan().gridIds()), Set.of());
    return new JsonObject().put("_id", new ObjectId().toHexString()).put("kind", kind.name())
        .put("title", title).put("body", body).put("imageId", (Object) null).put("targets", grids.toJson())
        .put("startsAt", startsAt).put("endsAt", endsAt).put("priority", 1).put("urgent", false)
        .put("source", new JsonObject().put("meetingId", meeting.id()).put("kind", sourceKind));
  }

  /** The room's name, the hosts' names in the plan's order, and the community's time zone. */
  private Future<Setting> setting(Meeting meeting) {
    JsonObject hostQuery = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(meeting.plan().hosts())));
    return Future.all(mongo.findOne(RoomStore.ROOMS, new JsonObject().put("_id", meeting.roomId()), null),
        mongo.find(Accounts.COLLECTION, hostQuery),
        community.zone()).map(read -> {
          JsonObject room = read.resultAt(0);
          Map<String, String> names = new HashMap<>();
          read.<List<JsonObject>>resultAt(1).forEach(a -> names.put(a.getString("_id"), a.getString("name")));
          List<String> hosts = meeting.plan().hosts().stream().filter(names::containsKey).map(names::get).toList();
          return new Setting(room == null ? "" : room.getString("name", ""), hosts, read.resultAt(2));
        });
  }

  /** 发言人次 per matter: the sum of its stored per-attendee speech counts (who spoke is not read). */
  static Map<String, Integer> speeches(JsonObject meetingDocument) {
    Map<String, Integer> counts = new HashMap<>();
    meetingDocument.getJsonArray("agenda", new JsonArray()).forEach(o -> {
      JsonObject matter = (JsonObject) o;
      int sum = matter.getJsonObject("speechCounts", new JsonObject()).stream()
          .mapToInt(e -> ((Number) e.getValue()).intValue()).sum();
      counts.put(matter.getString("id"), sum);
    });
    return counts;
  }

  /**
   * The votes whose results were announced in the meeting, per matter in the order held, from the
   * room's audit entries; a matter's resolution that the log lacks (older data) counts too.
   */
  private Future<Map<String, List<HeldVote>>> votes(Meeting meeting) {
    JsonObject query = new JsonObject().put("action", "announceResult").put("result.meetingId", meeting.id());
    FindOptions inOrder = new FindOptions().setSort(new JsonObject().put("at", 1));
    return mongo.findWithOptions(RoomStore.AUDIT, query, inOrder).map(entries -> {
      Map<String, Map<String, HeldVote>> byMatter = new LinkedHashMap<>();
      entries.forEach(e -> {
        JsonObject result = e.getJsonObject("result");
        add(byMatter, result.getString("matterId"), result.getJsonObject("resolution"));
      });
      meeting.agenda().forEach(m -> add(byMatter, m.id(), m.resolution()));
      Map<String, List<HeldVote>> out = new HashMap<>();
      byMatter.forEach((matterId, held) -> out.put(matterId, new ArrayList<>(held.values())));
      return out;
    });
  }

  private static void add(Map<String, Map<String, HeldVote>> byMatter, String matterId, JsonObject resolution) {
    if (matterId == null || resolution == null || resolution.getJsonObject("outcome") == null) {
      return;
    }
    byMatter.computeIfAbsent(matterId, k -> new LinkedHashMap<>()).putIfAbsent(resolution.getString("voteId", ""),
        new HeldVote(resolution.getString("motion", ""), resolution.getJsonObject("outcome")));
  }
}
