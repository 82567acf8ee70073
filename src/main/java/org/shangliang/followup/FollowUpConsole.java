package org.shangliang.followup;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.community.CommunitySettings;
import org.shangliang.member.MemberScope;
import org.shangliang.store.Database;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * Resolutions followed up to the end (跟踪落实) on {@value ConsoleAddresses#FOLLOW_UP}: the list
 * with each one's next follow-up and whether it is overdue, a resolution with the 不满意 its result
 * notice received, a follow-up logged, a reply to a resident, and "solved" — refused while a
 * 不满意 waits for its reply. A grid worker sees and acts on the resolutions of their grids only.
 * Every change is audited and durable before it is answered.
 */
public final class FollowUpConsole {
  static final int MAX_BYTES = 8 * 1024;
  static final String AREA = "followup";

  private final ResolutionStore store;
  private final CommunitySettings community;
  private final AuditLog audit;
  private final Database db;

  private FollowUpConsole(Database db) {
    this.db = db;
    this.store = new ResolutionStore(db.mongo());
    this.community = new CommunitySettings(db.mongo());
    this.audit = new AuditLog(db.mongo());
  }

  /** The area's command table. */
  public static CommandEndpoint endpoint(Database db) {
    FollowUpConsole followUp = new FollowUpConsole(db);
    return new CommandEndpoint(ConsoleAddresses.FOLLOW_UP, MAX_BYTES, Schemas.load("schemas/followup-commands.json", "action"))
        .on("listResolutions", Identity::isStaff, followUp::list)
        .on("getResolution", Identity::isStaff, followUp::get)
        .on("followUpResolution", Identity::isEditor, followUp::followUp)
        .on("answerFeedback", Identity::isEditor, followUp::answer)
        .on("solveResolution", Identity::isEditor, followUp::solve);
  }

  /** Whether the resolution concerns one of the caller's grids (a grid worker), or the caller sees all. */
  private static boolean visible(Identity who, JsonObject item) {
    return !who.isGridScoped() || item.getJsonArray("gridIds", new JsonArray()).stream().anyMatch(g -> who.covers((String) g));
  }

  /**
   * Open ones first by their next follow-up (overdue at the top), then the solved, newest first.
   * Each says how many residents' 不满意 wait for a reply, so whoever follows it up sees them first.
   */
  private Future<JsonObject> list(Request r) {
    String gridId = r.body().getString("gridId");
    long now = System.currentTimeMillis();
    return Future.all(store.list(r.body().getString("status")), community.zone()).compose(read -> {
      List<JsonObject> items = read.<List<JsonObject>>resultAt(0).stream().filter(i -> visible(r.who(), i))
          .filter(i -> gridId == null || i.getJsonArray("gridIds", new JsonArray()).contains(gridId)).toList();
      ZoneId zone = read.resultAt(1);
      return store.complaintsOf(items).map(complaints -> sorted(items, complaints, zone, now));
    });
  }

  private static JsonObject sorted(List<JsonObject> items, java.util.Map<String, List<JsonObject>> complaints, ZoneId zone,
                                   long now) {
    JsonArray out = new JsonArray();
    items.stream()
          .map(i -> line(i, zone, now).put("unansweredComplaints", complaints.getOrDefault(i.getString("_id"), List.of())
              .stream().filter(c -> ResolutionStore.unanswered(i, c)).count()))
          .sorted(Comparator.comparing((JsonObject l) -> l.getLong("nextFollowUpAt") == null ? Long.MAX_VALUE : l.getLong("nextFollowUpAt"))
              .thenComparing(l -> -l.getLong("trackedAt", 0L)))
          .forEach(out::add);
    return new JsonObject().put("resolutions", out);
  }

  private static JsonObject line(JsonObject item, ZoneId zone, long now) {
    Long next = FollowUpRules.nextFollowUpAt(item, zone);
    Long due = item.getLong("dueAt");
    boolean open = ResolutionStore.OPEN.equals(item.getString("status"));
    JsonObject line = item.copy();
    line.put("id", line.remove("_id"));
    return line.put("topicKind", FollowUpRules.kindOf(item).name()).put("nextFollowUpAt", next)
        .put("followUpOverdue", next != null && next < now).put("pastDue", open && due != null && due < now);
  }

  private Future<JsonObject> readable(Request r) {
    return store.get(r.body().getString("id")).compose(item -> visible(r.who(), item) ? Future.succeededFuture(item)
        : Future.failedFuture(new Failure(ErrorCode.FORBIDDEN, "这条决议不在您负责的网格")));
  }

  /** The resolution with its residents' 不满意: each marked answered or not; names and phones for those who may see them. */
  private Future<JsonObject> get(Request r) {
    long now = System.currentTimeMillis();
    return readable(r).compose(item -> Future.all(store.complaints(item), community.zone()).map(read -> {
      List<JsonObject> complaints = read.resultAt(0);
      JsonArray shown = new JsonArray();
      complaints.forEach(c -> shown.add(new JsonObject().put("id", c.getString("_id")).put("at", c.getLong("at"))
          .put("comments", c.getJsonArray("comments", new JsonArray()))
          .put("reply", item.getJsonObject("replies", new JsonObject()).getJsonObject(c.getString("_id")))
          .put("unanswered", ResolutionStore.unanswered(item, c))));
      JsonObject line = line(item, read.resultAt(1), now);
      line.remove("replies");
      return new JsonObject().put("resolution", line.put("complaints", shown)
          .put("unansweredComplaints", complaints.stream().filter(c -> ResolutionStore.unanswered(item, c)).count())
          .put("personal", MemberScope.seesPersonal(r.who())));
    }));
  }

  private Future<JsonObject> followUp(Request r) {
    long now = System.currentTimeMillis();
    return readable(r).compose(item -> {
      if (item.getJsonArray("followUps", new JsonArray()).size() >= ResolutionStore.MAX_FOLLOW_UPS) {
        return Future.failedFuture(new Failure(ErrorCode.RESEARCH_FULL, "这条决议的跟进记录已满"));
      }
      JsonObject entry = new JsonObject().put("at", now).put("by", actor(r.who())).put("found", r.body().getString("found").strip());
      return store.changeOpen(item, new JsonObject().put("$push", new JsonObject().put("followUps", entry)));
    }).compose(changed -> done(r, changed));
  }

  private Future<JsonObject> answer(Request r) {
    String feedbackId = r.body().getString("feedbackId");
    long now = System.currentTimeMillis();
    return readable(r).compose(item -> store.complaints(item).compose(complaints -> {
      if (complaints.stream().noneMatch(c -> feedbackId.equals(c.getString("_id")))) {
        return Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "这条决议的公示没有这条不满意评价"));
      }
      JsonObject reply = new JsonObject().put("at", now).put("by", actor(r.who())).put("reply", r.body().getString("reply").strip());
      return store.changeOpen(item, new JsonObject().put("$set", new JsonObject().put("replies." + feedbackId, reply)));
    })).compose(changed -> done(r, changed));
  }

  /** Solved only once every 不满意 on its result notice has a reply recorded after it. */
  private Future<JsonObject> solve(Request r) {
    long now = System.currentTimeMillis();
    return readable(r).compose(item -> store.complaints(item).compose(complaints -> {
      if (complaints.stream().anyMatch(c -> ResolutionStore.unanswered(item, c))) {
        return Future.failedFuture(new Failure(ErrorCode.FEEDBACK_UNANSWERED));
      }
      return store.changeOpen(item, new JsonObject().put("$set", new JsonObject().put("status", ResolutionStore.SOLVED)
          .put("solvedAt", now).put("solvedBy", actor(r.who())).put("solvedNote", r.body().getString("note").strip())));
    })).compose(changed -> done(r, changed));
  }

  private Future<JsonObject> done(Request r, JsonObject changed) {
    JsonObject params = r.body().copy();
    params.remove("action");
    return audit.record(r.who(), AREA, r.body().getString("action"), params).compose(v -> db.durable())
        .compose(v -> community.zone()).map(zone -> {
          JsonObject line = line(changed, zone, System.currentTimeMillis());
          line.remove("replies");
          return new JsonObject().put("resolution", line);
        });
  }

  private static JsonObject actor(Identity who) {
    return new JsonObject().put("id", who.id()).put("name", who.name());
  }
}
