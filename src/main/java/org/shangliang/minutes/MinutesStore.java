package org.shangliang.minutes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.auth.Accounts;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.community.CommunitySettings;
import org.shangliang.room.BallotBoxes;
import org.shangliang.request.RequestStore;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The minutes of each closed meeting, one document per meeting ({@code _id} = the meeting's id) in
 * {@value #COLLECTION}. A draft is written once, from the records, the first time anyone asks for
 * it after the meeting closed (so a node that stopped right after the close loses nothing); then
 * the hosts edit it with the version they read, approve it, and after that only addenda are added.
 * Every write is conditional on the version and status read, so two editors cannot overwrite each
 * other and nothing changes an approved text.
 */
public final class MinutesStore {
  public static final String COLLECTION = "minutes";
  static final String DRAFT = "DRAFT";
  static final String APPROVED = "APPROVED";
  /** Corrections one set of minutes may carry. */
  static final int MAX_ADDENDA = 100;

  private final MongoClient mongo;
  private final BallotBoxes ballots;
  private final CommunitySettings community;

  public MinutesStore(Database db) {
    this.mongo = db.mongo();
    this.ballots = new BallotBoxes(db);
    this.community = new CommunitySettings(db.mongo());
  }

  /** The meeting's minutes, drafted now if the meeting closed and there are none yet. */
  public Future<JsonObject> minutes(String meetingId) {
    return find(meetingId).compose(found -> found != null ? Future.succeededFuture(found) : draft(meetingId));
  }

  /** Marks approved minutes whose resolutions are now tracked (跟踪落实), so they are tracked once. */
  Future<Void> markTracked(String meetingId) {
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", meetingId).put("status", APPROVED),
        new JsonObject().put("$set", new JsonObject().put("tracked", true))).mapEmpty();
  }

  /** The meeting's minutes if its hosts approved them; null otherwise (not drafted, or still a draft). */
  public Future<JsonObject> approved(String meetingId) {
    return find(meetingId).map(m -> m != null && APPROVED.equals(m.getString("status")) ? m : null);
  }

  Future<JsonObject> find(String meetingId) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", meetingId), null);
  }

  /** The meeting document, refused unless it exists and is closed. */
  Future<JsonObject> closedMeeting(String meetingId) {
    return mongo.findOne(RoomStore.MEETINGS, new JsonObject().put("_id", meetingId), null).compose(meeting -> {
      if (meeting == null) {
        return Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这个会议"));
      }
      if (!"CLOSED".equals(meeting.getString("status"))) {
        return Future.failedFuture(new Failure(ErrorCode.MINUTES_NOT_READY));
      }
      return Future.succeededFuture(meeting);
    });
  }

  private Future<JsonObject> draft(String meetingId) {
    return closedMeeting(meetingId).compose(meeting -> sources(meeting)
        .map(sources -> MinutesDraft.of(sources, System.currentTimeMillis()))
        .compose(draft -> mongo.insert(COLLECTION, draft).map(id -> draft)
            // drafted by another request or node at the same moment: theirs is the draft
            .recover(e -> find(meetingId).compose(theirs -> theirs != null ? Future.succeededFuture(theirs)
                : Future.failedFuture(e)))));
  }

  private Future<MinutesDraft.Sources> sources(JsonObject meeting) {
    String meetingId = meeting.getString("_id");
    List<String> hostIds = meeting.getJsonArray("hosts", new JsonArray()).stream().map(String::valueOf).toList();
    Future<List<JsonObject>> attendees = mongo.find(RoomStore.ATTENDEES, new JsonObject().put("meetingId", meetingId));
    Future<JsonObject> room = mongo.findOne(RoomStore.ROOMS, new JsonObject().put("_id", meeting.getString("roomId")), null);
    Future<List<JsonObject>> accounts = mongo.find(Accounts.COLLECTION,
        new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(hostIds))));
    return Future.all(List.of(attendees, room, accounts, community.read(), rollCalls(meeting), topicKinds(meeting))).map(read -> {
      JsonObject roomDoc = read.resultAt(1);
      JsonObject settings = read.resultAt(3);
      return new MinutesDraft.Sources(meeting, read.resultAt(0), read.resultAt(4), settings.getString("name"),
          settings.getString("timeZone"), roomDoc == null ? "" : roomDoc.getString("name", ""),
          hosts(hostIds, read.resultAt(2)), read.resultAt(5));
    });
  }

  /** Request id → the topic kind staff gave it when they made it a topic, for the matters that came from requests. */
  private Future<Map<String, String>> topicKinds(JsonObject meeting) {
    List<String> requestIds = meeting.getJsonArray("agenda", new JsonArray()).stream().map(JsonObject.class::cast)
        .map(m -> m.getJsonObject("source")).filter(java.util.Objects::nonNull)
        .map(source -> source.getString("requestId")).filter(java.util.Objects::nonNull).toList();
    if (requestIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return mongo.findWithOptions(RequestStore.REQUESTS, new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(requestIds))),
        new FindOptions().setFields(new JsonObject().put("topic", 1))).map(requests -> {
          Map<String, String> kinds = new HashMap<>();
          requests.forEach(r -> {
            JsonObject topic = r.getJsonObject("topic");
            if (topic != null && topic.getString("topicKind") != null) {
              kinds.put(r.getString("_id"), topic.getString("topicKind"));
            }
          });
          return kinds;
        });
  }

  /** The hosts in the plan's order, by their accounts' names (an account since removed keeps its username). */
  private static List<JsonObject> hosts(List<String> hostIds, List<JsonObject> accounts) {
    Map<String, JsonObject> byId = new HashMap<>();
    accounts.forEach(a -> byId.put(a.getString("_id"), a));
    return hostIds.stream().map(id -> {
      JsonObject account = byId.get(id);
      return new JsonObject().put("id", id).put("name", account == null ? id : account.getString("name", id))
          .put("role", account == null ? null : account.getString("role"));
    }).toList();
  }

  /** The roll call of each named vote the meeting's matters record: vote id → ballots. */
  private Future<Map<String, List<JsonObject>>> rollCalls(JsonObject meeting) {
    List<String> named = meeting.getJsonArray("agenda", new JsonArray()).stream()
        .flatMap(m -> ((JsonObject) m).getJsonArray("votes", new JsonArray()).stream())
        .map(JsonObject.class::cast).filter(v -> !v.getBoolean("secret", true)).map(v -> v.getString("id")).toList();
    Map<String, List<JsonObject>> byVote = new HashMap<>();
    return Future.all(named.stream().map(id -> ballots.rollCall(id).onSuccess(ballots -> byVote.put(id, ballots))).toList())
        .map(byVote);
  }

  // ---- the hosts' changes ----

  /**
   * Replaces the narrative fields given in {@code changes} (recorder, notes, and per matter its
   * summary and resolution) on a draft of the version read.
   */
  Future<JsonObject> edit(String meetingId, long version, JsonObject changes) {
    return draftOfVersion(meetingId, version).compose(minutes -> {
      JsonObject set = new JsonObject();
      for (String field : List.of("recorder", "notes")) {
        if (changes.containsKey(field)) {
          set.put(field, changes.getString(field).strip());
        }
      }
      JsonArray matters = minutes.getJsonArray("matters", new JsonArray());
      for (Object o : changes.getJsonArray("matters", new JsonArray())) {
        JsonObject change = (JsonObject) o;
        int index = indexOf(matters, change.getString("id"));
        if (change.containsKey("feasibility")) {
          set.put("matters." + index + ".feasibility", change.getInteger("feasibility"));
        }
        if (change.containsKey("topicKind")) {
          set.put("matters." + index + ".topicKind", change.getString("topicKind"));
        }
        if (change.containsKey("summary")) {
          set.put("matters." + index + ".summary", change.getString("summary").strip());
        }
        JsonObject resolution = change.getJsonObject("resolution");
        if (resolution != null) {
          set.put("matters." + index + ".resolution", new JsonObject().put("text", resolution.getString("text", "").strip())
              .put("responsible", resolution.getString("responsible", "").strip()).put("dueAt", resolution.getLong("dueAt")));
        }
      }
      return replaceIf(meetingId, version, DRAFT, new JsonObject().put("$set", set.put("version", version + 1)));
    });
  }

  /** Approval locks the text: from then on only addenda are added. */
  Future<JsonObject> approve(String meetingId, long version, JsonObject by, long now) {
    return draftOfVersion(meetingId, version).compose(minutes -> replaceIf(meetingId, version, DRAFT,
        new JsonObject().put("$set", new JsonObject().put("status", APPROVED).put("approvedAt", now).put("approvedBy", by)
            .put("version", version + 1))));
  }

  /** A later correction to approved minutes, kept with who wrote it and when; the approved text stays as it was. */
  Future<JsonObject> addAddendum(String meetingId, String text, JsonObject by, long now) {
    return minutes(meetingId).compose(minutes -> {
      if (!APPROVED.equals(minutes.getString("status"))) {
        return Future.failedFuture(new Failure(ErrorCode.MINUTES_NOT_APPROVED));
      }
      if (minutes.getJsonArray("addenda", new JsonArray()).size() >= MAX_ADDENDA) {
        return Future.failedFuture(new Failure(ErrorCode.MINUTES_LOCKED, "这份会议记录的补充更正已满"));
      }
      long version = minutes.getLong("version");
      JsonObject addendum = new JsonObject().put("at", now).put("by", by).put("text", text.strip());
      return replaceIf(meetingId, version, APPROVED, new JsonObject().put("$push", new JsonObject().put("addenda", addendum))
          .put("$set", new JsonObject().put("version", version + 1)));
    });
  }

  private Future<JsonObject> draftOfVersion(String meetingId, long version) {
    return minutes(meetingId).compose(minutes -> {
      if (!DRAFT.equals(minutes.getString("status"))) {
        return Future.failedFuture(new Failure(ErrorCode.MINUTES_LOCKED));
      }
      if (minutes.getLong("version") != version) {
        return Future.failedFuture(new Failure(ErrorCode.CONFLICT, "会议记录已被其他人修改，请刷新后再改"));
      }
      return Future.succeededFuture(minutes);
    });
  }

  private static int indexOf(JsonArray matters, String matterId) {
    for (int i = 0; i < matters.size(); i++) {
      if (matters.getJsonObject(i).getString("id").equals(matterId)) {
        return i;
      }
    }
    throw new Failure(ErrorCode.MATTER_NOT_IN_MEETING);
  }

  /** The update, only if the minutes are still at {@code version} and in {@code status}; answers them as they are after it. */
  private Future<JsonObject> replaceIf(String meetingId, long version, String status, JsonObject update) {
    JsonObject filter = new JsonObject().put("_id", meetingId).put("version", version).put("status", status);
    return mongo.updateCollection(COLLECTION, filter, update).compose(result -> result.getDocModified() == 1
        ? find(meetingId) : Future.failedFuture(new Failure(ErrorCode.CONFLICT, "会议记录已被其他人修改，请刷新后再改")));
  }
}
