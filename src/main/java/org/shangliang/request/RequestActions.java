package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.member.MemberStore;
import org.shangliang.room.Matter;
import org.shangliang.room.MatterSetup;
import org.shangliang.room.RoomAddresses;
import org.shangliang.room.RoomStore;
import org.shangliang.room.VoteRules;
import org.shangliang.store.Database;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What staff do with a request, one method per step of 三即三提一转. Every step goes through
 * {@link #transition}: the state machine decides, the step appends what it records, the history
 * gets who, when, from and to, and the change is durable before anyone is told.
 */
public final class RequestActions {
  /** Internal address (not bridged): a request of this grid (body: its id) moved; boards show progress. */
  public static final String PROGRESS_CHANGED = "internal.request.changed";
  /** The history event of a public title set or approved: not a step, so the status stays. */
  static final String TITLE_EVENT = "TITLE";
  /** The kind of request a mediation (人民调解) may be recorded on. */
  public static final String DISPUTE_KIND = "邻里纠纷";
  static final int MAX_MEDIATIONS = 20;
  /** The audit log's area of every step. */
  static final String AREA = "request";
  /**
   * What of a step's details the audit log keeps beside the request, the step and the statuses: the
   * choices staff made, never free text (notes, reasons, comments may name residents).
   */
  private static final Set<String> AUDITED_DETAILS = Set.of("toAccount", "title", "level", "toType", "toName", "rating",
      "meetingId", "topicKind", "via", "place", "settled");

  private final Vertx vertx;
  private final RequestStore store;
  private final RoomStore rooms;
  private final Database db;
  private final MemberStore members;
  private final AuditLog audit;

  public RequestActions(Vertx vertx, RequestStore store, RoomStore rooms, Database db) {
    this.vertx = vertx;
    this.store = store;
    this.rooms = rooms;
    this.db = db;
    this.members = new MemberStore(db.mongo());
    this.audit = new AuditLog(db.mongo());
  }

  /** 接诉即商, or 网格接单 after a dispatch: the request is the taker's to handle. */
  Future<JsonObject> take(Request r) {
    return transition(r, RequestEvent.TAKE, true, (doc, at) -> {
      requireDispatchedTo(doc, r.who());
      doc.put("handler", actor(r.who()));
    });
  }

  /** Once dispatched (支部派单), a grid worker other than the one it went to may not take it; community staff still may. */
  private static void requireDispatchedTo(JsonObject doc, Identity who) {
    JsonObject to = doc.getJsonObject("dispatchedTo", new JsonObject());
    Transitions.requireTaker(RequestStatus.valueOf(doc.getString("status")), to.getString("id"), to.getString("name"),
        who.id(), who.isGridScoped());
  }

  Future<JsonObject> consult(Request r) {
    return transition(r, RequestEvent.CONSULT, true, (doc, at) -> append(doc, "consultations", entry(r, at,
        "place", "with", "notes")));
  }

  /** 商定即办: the action, who does it, by when, confirmed by the resident and by the staff member recording it. */
  Future<JsonObject> agree(Request r) {
    return transition(r, RequestEvent.AGREE, true, (doc, at) -> append(doc, "agreements", entry(r, at,
        "responsible", "dueAt").put("action", r.body().getString("task"))
        .put("residentConfirmation", new JsonObject().put("name", r.body().getString("residentConfirmedBy"))
            .put("at", r.body().getLong("residentConfirmedAt", at)))
        .put("staffConfirmation", actor(r.who()).put("at", at))));
  }

  Future<JsonObject> complete(Request r) {
    return transition(r, RequestEvent.COMPLETE, true, (doc, at) -> append(doc, "completions", entry(r, at, "note")));
  }

  /** 办完即反: records that the resident was told, and how. */
  Future<JsonObject> inform(Request r) {
    return transition(r, RequestEvent.INFORM, true, (doc, at) -> append(doc, "notifications", entry(r, at, "via", "note")));
  }

  /** A rating staff took down (e.g. by phone); residents rate on their status page. 不满意 reopens. */
  Future<JsonObject> rate(Request r) {
    return rateAs(r.body().getString("id"), actor(r.who()), r.body().getString("rating"), r.body().getString("comment"));
  }

  public Future<JsonObject> rateAs(String requestId, JsonObject by, String rating, String comment) {
    boolean satisfied = !"UNSATISFIED".equals(rating);
    JsonObject details = new JsonObject().put("rating", rating).put("comment", comment);
    return apply(requestId, by, RequestEvent.RATE, satisfied, details, (doc, at) -> {
      append(doc, "ratings", details.copy().put("at", at).put("by", by));
      if (!satisfied) {
        doc.put("reopenCount", doc.getInteger("reopenCount", 0) + 1);
      }
    });
  }

  /** 三提: upward only, with the reason. */
  Future<JsonObject> escalate(Request r) {
    EscalationLevel next = EscalationLevel.valueOf(r.body().getString("level"));
    return transition(r, RequestEvent.ESCALATE, true, (doc, at) -> {
      JsonArray earlier = doc.getJsonArray("escalations", new JsonArray());
      Transitions.requireHigher(earlier.isEmpty() ? null
          : EscalationLevel.valueOf(earlier.getJsonObject(earlier.size() - 1).getString("level")), next);
      append(doc, "escalations", entry(r, at, "level", "reason"));
    });
  }

  /** 一转: to a unit in the area or another community. */
  Future<JsonObject> transfer(Request r) {
    return transition(r, RequestEvent.TRANSFER, true, (doc, at) -> append(doc, "transfers", entry(r, at,
        "toType", "toName", "reason")));
  }

  /**
   * Makes the request a topic. The topic is named by the public title; a {@code title} given here
   * becomes the public title, as if set with {@link #setPublicTitle}. Its {@code source} (党支部点题,
   * 网格员荐题, 群众出题) goes with it onto the agenda: as given, else a grid worker's recommendation
   * when a grid worker promotes it, else the residents'.
   */
  Future<JsonObject> promote(Request r) {
    String title = r.body().getString("title") == null ? null : PublicTitles.checked(r.body().getString("title"));
    return transition(r, RequestEvent.PROMOTE, true, (doc, at) -> {
      if (doc.getJsonObject("topic") != null) {
        throw new Failure(ErrorCode.TRANSITION_NOT_ALLOWED, "这条诉求已经是议题");
      }
      doc.put("topic", entry(r, at, "topicKind", "urgency").put("source", sourceOf(r).name()).put("promotedAt", at));
      if (title != null) {
        PublicTitles.approve(doc, title, actor(r.who()), at);
      }
    });
  }

  private static MatterSetup.Source sourceOf(Request r) {
    String given = r.body().getString("source");
    if (given != null) {
      return MatterSetup.Source.valueOf(given);
    }
    return r.who().role() == Identity.Role.GRID_WORKER ? MatterSetup.Source.GRID_WORKER : MatterSetup.Source.RESIDENTS;
  }

  /**
   * Staff write or approve the request's public title (公开标题), the only name it has on boards,
   * notices, the agenda and Open311. Allowed in every state; kept in the history and the audit log
   * (as every change is, by {@link #save}).
   */
  Future<JsonObject> setPublicTitle(Request r) {
    String title = PublicTitles.checked(r.body().getString("title"));
    JsonObject by = actor(r.who());
    return store.request(r.body().getString("id")).compose(before -> {
      JsonObject details = new JsonObject().put("title", title).put("before", PublicTitles.of(before));
      RequestStatus status = RequestStatus.valueOf(before.getString("status"));
      return save(before, status, by, TITLE_EVENT, details, (doc, at) -> PublicTitles.approve(doc, title, by, at))
          .compose(reply -> retitleMatter(before.getJsonObject("topic"), title).map(reply));
    });
  }

  /**
   * Matters scheduled before requests had public titles were named by what residents wrote; at
   * start, each is renamed to its request's public title if it still differs. Safe to repeat.
   */
  Future<Void> retitleScheduledMatters() {
    return store.find(new JsonObject().put("topic.matterId", new JsonObject().put("$exists", true)), 10_000)
        .compose(docs -> Future.all(docs.stream().filter(doc -> doc.getJsonObject("topic").getString("matterId") != null)
            .map(this::retitleIfDifferent).toList()))
        .mapEmpty();
  }

  private Future<Void> retitleIfDifferent(JsonObject doc) {
    JsonObject topic = doc.getJsonObject("topic");
    String title = PublicTitles.of(doc);
    return rooms.meeting(topic.getString("meetingId")).compose(meeting -> meeting.agenda().stream()
        .anyMatch(m -> m.id().equals(topic.getString("matterId")) && !m.title().equals(title))
        ? retitleMatter(topic, title) : Future.succeededFuture());
  }

  /** A topic already on an agenda is renamed there too, so the room shows the new public title. */
  private Future<Void> retitleMatter(JsonObject topic, String title) {
    if (topic == null || topic.getString("matterId") == null) {
      return Future.succeededFuture();
    }
    String matterId = topic.getString("matterId");
    return rooms.meeting(topic.getString("meetingId")).compose(meeting -> rooms.changeMeeting(meeting.id(),
            m -> m.retitleMatter(matterId, title))
        .onSuccess(v -> vertx.eventBus().send(RoomAddresses.CHANGED, meeting.roomId()))).mapEmpty();
  }

  /**
   * Puts the topic on a meeting's agenda as a matter of its own, named by the request's public
   * title (the room display and kiosks show it); the meeting's resolution comes back here.
   */
  Future<JsonObject> schedule(Request r) {
    String meetingId = r.body().getString("meetingId");
    return store.request(r.body().getString("id")).compose(doc -> {
      Transitions.target(RequestEvent.SCHEDULE, RequestStatus.valueOf(doc.getString("status")), true);
      JsonObject topic = doc.getJsonObject("topic");
      if (topic == null || topic.getString("matterId") != null) {
        throw new Failure(ErrorCode.TRANSITION_NOT_ALLOWED, topic == null ? "请先转为议题" : "已列入议程");
      }
      String matterId = new ObjectId().toHexString();
      // the matter remembers the request it came from, and who put it forward (topics before sources: 群众出题)
      MatterSetup fromRequest = new MatterSetup(true, List.of(), new JsonObject()
          .put("kind", topic.getString("source", MatterSetup.Source.RESIDENTS.name())).put("requestId", doc.getString("_id")));
      return rooms.changeMeeting(meetingId, m -> {
        m.addMatter(new Matter(matterId, PublicTitles.of(doc), Matter.DEFAULT_SPEECH_SECONDS,
            Matter.DEFAULT_SPEECHES_PER_PERSON, VoteRules.DEFAULT, fromRequest));
        return m.roomId();
      }).compose(changed -> transition(r, RequestEvent.SCHEDULE, true, (d, at) -> d.getJsonObject("topic")
          .put("meetingId", meetingId).put("matterId", matterId).put("scheduledAt", at))
          .onSuccess(v -> vertx.eventBus().send(RoomAddresses.CHANGED, changed.result())));
    });
  }

  /** The meeting decided the topic: the resolution becomes the agreed action and the residents are told. */
  Future<JsonObject> resolve(String requestId, JsonObject resolution) {
    JsonObject by = new JsonObject().put("id", "meeting").put("name", "协商议事会").put("role", "MEETING");
    return apply(requestId, by, RequestEvent.RESOLVE, true, new JsonObject().put("resolution", resolution), (doc, at) -> {
      doc.getJsonObject("topic").put("resolution", resolution);
      append(doc, "agreements", new JsonObject().put("at", at).put("by", by)
          .put("action", "议事会表决：" + resolution.getString("motion"))
          .put("outcome", resolution.getJsonObject("outcome")));
      append(doc, "notifications", new JsonObject().put("at", at).put("by", by).put("via", "STATUS_PAGE")
          .put("note", "协商决议已在诉求进度页告知居民"));
    });
  }

  Future<JsonObject> followUp(Request r) {
    return transition(r, RequestEvent.FOLLOW_UP, true, (doc, at) -> append(doc, "followUps", entry(r, at, "note")));
  }

  /**
   * 人民调解 of a 邻里纠纷: who of the register mediated, whether it was settled. The status stays;
   * the mediators are checked against the register so the forum can credit them.
   */
  Future<JsonObject> mediate(Request r) {
    List<String> mediatorIds = r.body().getJsonArray("mediatorMemberIds").stream().map(String::valueOf).toList();
    return members.knownIds(mediatorIds).compose(known -> {
      if (known.size() != mediatorIds.size()) {
        throw new Failure(ErrorCode.MEDIATOR_UNKNOWN);
      }
      return transition(r, RequestEvent.MEDIATE, true, (doc, at) -> {
        if (!DISPUTE_KIND.equals(doc.getString("kind"))) {
          throw new Failure(ErrorCode.MEDIATION_NOT_DISPUTE);
        }
        if (doc.getJsonArray("mediations", new JsonArray()).size() >= MAX_MEDIATIONS) {
          throw new Failure(ErrorCode.MEDIATIONS_FULL);
        }
        append(doc, "mediations", entry(r, at, "mediatorMemberIds", "settled", "note"));
      });
    });
  }

  private Future<JsonObject> transition(Request r, RequestEvent event, boolean satisfied, BiConsumer<JsonObject, Long> record) {
    JsonObject details = r.body().copy();
    details.remove("action");
    details.remove("id");
    return apply(r.body().getString("id"), actor(r.who()), event, satisfied, details, record);
  }

  Future<JsonObject> apply(String requestId, JsonObject by, RequestEvent event, boolean satisfied,
                                   JsonObject details, BiConsumer<JsonObject, Long> record) {
    return store.request(requestId).compose(before -> {
      RequestStatus to = Transitions.target(event, RequestStatus.valueOf(before.getString("status")), satisfied);
      return save(before, to, by, event.name(), details, record);
    });
  }

  /**
   * Records the change, the history line and the audit log's entry (area {@value #AREA}, the event as
   * its action), at the version read; durable before the boards, or the caller, hear of it.
   */
  private Future<JsonObject> save(JsonObject before, RequestStatus to, JsonObject by, String event, JsonObject details,
                                  BiConsumer<JsonObject, Long> record) {
    long now = System.currentTimeMillis();
    JsonObject after = before.copy();
    record.accept(after, now);
    after.put("status", to.name()).put("updatedAt", now).put("version", before.getLong("version") + 1);
    append(after, "history", new JsonObject().put("event", event).put("from", before.getString("status")).put("to", to.name())
        .put("at", now).put("by", by).put("details", details));
    return store.replace(after, before.getLong("version"))
        .compose(v -> audit.record(AuditLog.entry(by, AREA, event, auditParams(before, to, details), now)))
        .compose(v -> db.durable()).map(v -> {
      vertx.eventBus().send(PROGRESS_CHANGED, after.getJsonObject("where", new JsonObject()).getString("gridId"));
      return new JsonObject().put("request", RequestViews.staffView(after));
    });
  }

  private static JsonObject auditParams(JsonObject before, RequestStatus to, JsonObject details) {
    JsonObject params = new JsonObject().put("requestId", before.getString("_id")).put("number", before.getString("number"))
        .put("from", before.getString("status")).put("to", to.name());
    details.fieldNames().stream().filter(AUDITED_DETAILS::contains).forEach(f -> params.put(f, details.getValue(f)));
    return params;
  }

  private static JsonObject entry(Request r, long at, String... fields) {
    JsonObject entry = new JsonObject().put("at", at).put("by", actor(r.who()));
    for (String field : fields) {
      entry.put(field, r.body().getValue(field));
    }
    return entry;
  }

  static JsonObject actor(Identity who) {
    return new JsonObject().put("id", who.id()).put("name", who.name()).put("role", who.role().name());
  }

  static void append(JsonObject doc, String array, JsonObject item) {
    JsonArray items = doc.getJsonArray(array);
    if (items == null) {
      items = new JsonArray();
      doc.put(array, items);
    }
    items.add(item);
  }
}
