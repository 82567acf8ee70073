package org.shangliang.round;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.qr.QrTokens;
import org.shangliang.room.Attendee;
import org.shangliang.room.Matter;
import org.shangliang.room.Meeting;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Written and online rounds (书面协商, 网络协商; the seed's 线上议事 through the residents' groups):
 * on one matter of a meeting, the invited give their view (赞成, 反对, 弃权, and a few words) by a
 * deadline — from a phone through a link of their own, or on paper that staff enter. A round is
 * open until its {@code closesAt}, kept as data and checked on every view, so no timer has to
 * survive a restart. Views are named: the round is a consultation, not a secret ballot.
 */
public final class RoundConsole {
  static final int MAX_BYTES = 4096;
  static final long LONGEST_MS = 60L * 86_400_000L;

  private final RoomStore rooms;
  private final RoundStore rounds;
  private final QrTokens tokens;
  private final AuditLog audit;
  private final Database db;
  private final Supplier<String> publicUrl;

  RoundConsole(RoomStore rooms, RoundStore rounds, QrTokens tokens, AuditLog audit, Database db, Supplier<String> publicUrl) {
    this.rooms = rooms;
    this.rounds = rounds;
    this.tokens = tokens;
    this.audit = audit;
    this.db = db;
    this.publicUrl = publicUrl;
  }

  /** The area's command table. */
  public static CommandEndpoint endpoint(Vertx vertx, Database db, QrTokens tokens, Supplier<String> publicUrl) {
    RoundConsole console = new RoundConsole(new RoomStore(vertx, db), new RoundStore(db.mongo()), tokens,
        new AuditLog(db.mongo()), db, publicUrl);
    return new CommandEndpoint(ConsoleAddresses.ROUNDS, MAX_BYTES, Schemas.load("schemas/round-commands.json", "action"))
        .on("hello", CommandEndpoint::anyone, CommandEndpoint::hello)
        .on("listRounds", RoundConsole::reads, console::list)
        .on("roundDetail", RoundConsole::reads, console::detail)
        .on("openRound", Identity::isEditor, console::open)
        .on("recordView", Identity::isEditor, console::recordView)
        .on("closeRound", Identity::isEditor, console::close);
  }

  static boolean reads(Identity who) {
    return who.isStaff();
  }

  /** Planners run rounds, and so do the meeting's own hosts. */
  static void requireRunner(Identity who, Meeting meeting) {
    boolean planner = who.isEditor() && !who.isGridScoped();
    boolean host = who.isHost() && meeting.plan().mayHost(who.id(), who.isAdmin());
    if (!planner && !host) {
      throw new Failure(ErrorCode.FORBIDDEN, "只有会议安排人员和本次会议的主持人可以发起或登记协商");
    }
  }

  private Future<JsonObject> open(Request r) {
    JsonObject b = r.body();
    long now = System.currentTimeMillis();
    long closesAt = b.getLong("closesAt");
    if (closesAt <= now || closesAt > now + LONGEST_MS) {
      throw new Failure(ErrorCode.BAD_REQUEST, "截止时间须在现在之后、60天之内");
    }
    return rooms.meeting(b.getString("meetingId")).compose(meeting -> {
      requireRunner(r.who(), meeting);
      if (meeting.status() == Meeting.Status.CLOSED) {
        throw new Failure(ErrorCode.MEETING_CLOSED, "会议已经结束，不能再发起协商");
      }
      Matter matter = meeting.agenda().stream().filter(m -> m.id().equals(b.getString("matterId"))).findFirst()
          .orElseThrow(() -> new Failure(ErrorCode.NOT_FOUND, "议程中没有这个议题"));
      JsonObject round = new JsonObject().put("_id", new ObjectId().toHexString()).put("meetingId", meeting.id())
          .put("roomId", meeting.roomId()).put("meetingTitle", meeting.title()).put("matterId", matter.id())
          .put("matterTitle", matter.title()).put("question", b.getString("question").strip())
          .put("form", b.getString("form")).put("opensAt", now).put("closesAt", closesAt)
          .put("createdBy", actor(r.who())).put("createdAt", now);
      return rounds.insert(round)
          .compose(v -> audit.record(r.who(), "round", "openRound", new JsonObject().put("roundId", round.getString("_id"))
              .put("meetingId", meeting.id()).put("matterId", matter.id()).put("form", round.getString("form"))
              .put("closesAt", closesAt)))
          .compose(v -> db.durable())
          .compose(v -> detailOf(round, r.who()));
    });
  }

  private Future<JsonObject> list(Request r) {
    long now = System.currentTimeMillis();
    return rounds.roundsOf(r.body().getString("meetingId")).compose(list -> Future.all(list.stream()
        .map(round -> rounds.viewsOf(round.getString("_id")).map(views -> summary(round, views, now))).toList()))
        .map(all -> new JsonObject().put("rounds", new JsonArray(all.list())));
  }

  private Future<JsonObject> detail(Request r) {
    return rounds.round(r.body().getString("roundId")).compose(round -> detailOf(round, r.who()));
  }

  /**
   * The round with every view and who is yet to answer. Each invited member's own link (for the
   * phone) goes only to those who run the round: the link is the member's key to answer.
   */
  private Future<JsonObject> detailOf(JsonObject round, Identity who) {
    long now = System.currentTimeMillis();
    return Future.all(rooms.meeting(round.getString("meetingId")), rooms.attendees(round.getString("meetingId")),
        rounds.viewsOf(round.getString("_id")), invitedMembers(round.getString("meetingId"))).map(all -> {
          Meeting meeting = all.resultAt(0);
          List<JsonObject> views = all.resultAt(2);
          Map<String, String> memberOfAttendee = all.resultAt(3);
          boolean runs = mayRun(who, meeting);
          Map<String, JsonObject> viewByMember = new HashMap<>();
          views.forEach(v -> viewByMember.put(v.getString("memberId"), v));
          JsonArray invitees = new JsonArray();
          for (Attendee a : all.<List<Attendee>>resultAt(1)) {
            String memberId = memberOfAttendee.get(a.id());
            if (memberId == null) {
              continue;
            }
            JsonObject view = viewByMember.get(memberId);
            JsonObject line = new JsonObject().put("memberId", memberId).put("name", a.name()).put("kind", a.kind().name())
                .put("view", view == null ? null : view.getString("view"))
                .put("comment", view == null ? null : view.getString("comment"))
                .put("via", view == null ? null : view.getString("via"));
            if (runs) {
              line.put("link", publicUrl.get() + "/o/" + tokens.sign(QrTokens.Purpose.ROUND, round.getString("_id"), memberId));
            }
            invitees.add(line);
          }
          return new JsonObject().put("round", summary(round, views, now)).put("invitees", invitees);
        });
  }

  /** Staff enter a view given on paper (书面协商), or by word of mouth, for an invited member. */
  private Future<JsonObject> recordView(Request r) {
    JsonObject b = r.body();
    long now = System.currentTimeMillis();
    return rounds.round(b.getString("roundId")).compose(round -> rooms.meeting(round.getString("meetingId"))
        .compose(meeting -> {
          requireRunner(r.who(), meeting);
          return invitedName(round.getString("meetingId"), b.getString("memberId"));
        })
        .compose(name -> rounds.saveView(round, view(round, b.getString("memberId"), name, b.getString("view"),
            b.getString("comment"), "PAPER", now).put("enteredBy", actor(r.who())), now))
        .compose(v -> audit.record(r.who(), "round", "recordView", new JsonObject().put("roundId", round.getString("_id"))
            .put("memberId", b.getString("memberId")).put("view", b.getString("view"))))
        .compose(v -> db.durable())
        .compose(v -> detailOf(round, r.who())));
  }

  private Future<JsonObject> close(Request r) {
    long now = System.currentTimeMillis();
    return rounds.round(r.body().getString("roundId")).compose(round -> rooms.meeting(round.getString("meetingId"))
        .compose(meeting -> {
          requireRunner(r.who(), meeting);
          return rounds.closeNow(round.getString("_id"), now);
        })
        .compose(v -> audit.record(r.who(), "round", "closeRound", new JsonObject().put("roundId", round.getString("_id"))))
        .compose(v -> db.durable())
        .compose(v -> rounds.round(round.getString("_id")))
        .compose(closed -> detailOf(closed, r.who())));
  }

  /** The member's name if the meeting invites them; NOT_INVITED otherwise. */
  Future<String> invitedName(String meetingId, String memberId) {
    return rooms.attendeeOfMember(meetingId, memberId).compose(a -> a == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_INVITED)) : Future.succeededFuture(a.name()));
  }

  private Future<Map<String, String>> invitedMembers(String meetingId) {
    return rooms.memberIdsOf(meetingId);
  }

  private static boolean mayRun(Identity who, Meeting meeting) {
    try {
      requireRunner(who, meeting);
      return true;
    } catch (Failure refused) {
      return false;
    }
  }

  static JsonObject view(JsonObject round, String memberId, String name, String view, String comment, String via, long at) {
    return new JsonObject().put("roundId", round.getString("_id")).put("memberId", memberId).put("name", name)
        .put("view", view).put("comment", comment == null || comment.isBlank() ? null : comment.strip())
        .put("via", via).put("at", at);
  }

  /** A round as lists show it: its question, deadline, whether open now, and the views counted. */
  static JsonObject summary(JsonObject round, List<JsonObject> views, long now) {
    JsonObject counts = new JsonObject().put("FOR", 0).put("AGAINST", 0).put("ABSTAIN", 0);
    views.forEach(v -> counts.put(v.getString("view"), counts.getInteger(v.getString("view"), 0) + 1));
    return new JsonObject().put("id", round.getString("_id")).put("meetingId", round.getString("meetingId"))
        .put("meetingTitle", round.getString("meetingTitle")).put("matterId", round.getString("matterId"))
        .put("matterTitle", round.getString("matterTitle")).put("question", round.getString("question"))
        .put("form", round.getString("form")).put("closesAt", round.getLong("closesAt"))
        .put("open", now < round.getLong("closesAt")).put("answered", views.size()).put("counts", counts);
  }

  private static JsonObject actor(Identity who) {
    return new JsonObject().put("id", who.id()).put("name", who.name());
  }
}
