package org.shangliang.forum;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.feedback.FeedbackStore;
import org.shangliang.followup.ResolutionStore;
import org.shangliang.member.MemberStore;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.request.PublicTitles;
import org.shangliang.request.RequestStore;
import org.shangliang.room.RoomStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a year's records for the forum's rankings and hands them to {@link ForumRules}. */
final class ForumReads {
  /** Far more than a community records in a year. */
  static final int READ = 20_000;

  private final MongoClient mongo;

  ForumReads(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** The three ranked lists, in full, for [from, to). */
  Future<JsonObject> rankings(long from, long to) {
    return Future.all(mediators(from, to), councillors(from, to), cases(from, to)).map(read -> new JsonObject()
        .put("mediators", new JsonArray(read.<List<JsonObject>>resultAt(0)))
        .put("councillors", new JsonArray(read.<List<JsonObject>>resultAt(1)))
        .put("cases", new JsonArray(read.<List<JsonObject>>resultAt(2))));
  }

  private Future<List<JsonObject>> mediators(long from, long to) {
    JsonObject query = new JsonObject().put("mediations.at", range(from, to));
    return find(RequestStore.REQUESTS, query).compose(requests -> find(MemberStore.COLLECTION, new JsonObject())
        .map(members -> ForumRules.mediators(requests, names(members), from, to)));
  }

  private Future<List<JsonObject>> councillors(long from, long to) {
    JsonObject closed = new JsonObject().put("status", "CLOSED").put("$or", new JsonArray()
        .add(new JsonObject().put("startsAt", range(from, to)))
        .add(new JsonObject().put("startsAt", null).put("openedAt", range(from, to))));
    return find(RoomStore.MEETINGS, closed).compose(meetings -> {
      JsonArray ids = new JsonArray(meetings.stream().map(m -> m.getString("_id")).toList());
      JsonObject attendees = new JsonObject().put("meetingId", new JsonObject().put("$in", ids))
          .put("memberId", new JsonObject().put("$ne", null));
      return Future.all(find(RoomStore.ATTENDEES, attendees),
              find(RequestStore.REQUESTS, new JsonObject().put("topic.promotedAt", range(from, to))),
              find(MemberStore.COLLECTION, new JsonObject()))
          .map(read -> ForumRules.councillors(meetings, read.resultAt(0), read.resultAt(1), read.resultAt(2)));
    });
  }

  /** Resolutions solved in the year, with their result notices' ratings; requests closed in the year rated 满意. */
  private Future<List<JsonObject>> cases(long from, long to) {
    JsonObject solved = new JsonObject().put("status", "SOLVED").put("solvedAt", range(from, to));
    JsonObject closed = new JsonObject().put("status", "CLOSED").put("history.at", range(from, to));
    return Future.all(find(ResolutionStore.COLLECTION, solved).compose(this::resolutionCases),
        find(RequestStore.REQUESTS, closed).map(requests -> requestCases(requests, from, to)))
        .map(read -> {
          List<JsonObject> all = new ArrayList<>(read.<List<JsonObject>>resultAt(0));
          all.addAll(read.resultAt(1));
          return ForumRules.rankCases(all);
        });
  }

  private Future<List<JsonObject>> resolutionCases(List<JsonObject> resolutions) {
    return Future.all(resolutions.stream().map(r -> ratingsOf(r).map(ratings -> {
      long good = ratings.stream().filter(x -> !"UNSATISFIED".equals(x)).count();
      double satisfaction = ratings.isEmpty() ? 0 : (double) good / ratings.size();
      return new JsonObject().put("entryId", "resolution:" + r.getString("_id")).put("type", "RESOLUTION")
          .put("name", r.getString("title", "")).put("satisfaction", satisfaction).put("at", r.getLong("solvedAt"))
          .put("inputs", new JsonObject().put("resolutionId", r.getString("_id")).put("meetingId", r.getString("meetingId"))
              .put("ratings", ratings.size()).put("satisfiedOrBasic", good));
    })).toList()).map(all -> all.<JsonObject>list());
  }

  /** The phones' latest ratings on the matter's result notice(s), as in the follow-up's complaints. */
  private Future<List<String>> ratingsOf(JsonObject resolution) {
    JsonObject source = new JsonObject().put("source.meetingId", resolution.getString("meetingId"))
        .put("source.matterId", resolution.getString("matterId"));
    return find(NoticeStore.NOTICES, source).compose(notices -> notices.isEmpty() ? Future.succeededFuture(List.<String>of())
        : find(FeedbackStore.FEEDBACK, new JsonObject().put("noticeId", new JsonObject().put("$in",
            new JsonArray(notices.stream().map(n -> n.getString("_id")).toList()))))
            .map(entries -> entries.stream().map(e -> e.getString("rating")).filter(x -> x != null).toList()));
  }

  private static List<JsonObject> requestCases(List<JsonObject> requests, long from, long to) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject r : requests) {
      Long closedAt = closedAt(r);
      if (closedAt != null && closedAt >= from && closedAt < to && "SATISFIED".equals(ForumRules.latestRating(r))) {
        out.add(new JsonObject().put("entryId", "request:" + r.getString("_id")).put("type", "REQUEST")
            .put("name", PublicTitles.of(r)).put("satisfaction", 1.0).put("at", closedAt)
            .put("inputs", new JsonObject().put("requestId", r.getString("_id")).put("number", r.getString("number"))
                .put("ratings", r.getJsonArray("ratings", new JsonArray()).size()).put("rating", "SATISFIED")));
      }
    }
    return out;
  }

  /** When the request last became CLOSED, from its history. */
  static Long closedAt(JsonObject request) {
    Long at = null;
    for (Object o : request.getJsonArray("history", new JsonArray())) {
      JsonObject h = (JsonObject) o;
      if ("CLOSED".equals(h.getString("to")) && !"CLOSED".equals(h.getString("from"))) {
        at = h.getLong("at");
      }
    }
    return at;
  }

  private static Map<String, String> names(List<JsonObject> members) {
    Map<String, String> names = new HashMap<>();
    members.forEach(m -> names.put(m.getString("_id"), m.getString("name", "")));
    return names;
  }

  private static JsonObject range(long from, long to) {
    return new JsonObject().put("$gte", from).put("$lt", to);
  }

  private Future<List<JsonObject>> find(String collection, JsonObject query) {
    return mongo.findWithOptions(collection, query, new FindOptions().setLimit(READ));
  }
}
