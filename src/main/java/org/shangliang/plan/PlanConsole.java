package org.shangliang.plan;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.auth.Accounts;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.room.Attendee;
import org.shangliang.room.Meeting;
import org.shangliang.room.RoomAddresses;
import org.shangliang.room.RoomSchedule;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;

import java.util.List;

/**
 * The staff console's planning area ({@value ConsoleAddresses#PLANNING}): any number of meetings
 * per room over the years, each with its time, two hosts, forms of consultation, quorum, agenda
 * with per-matter rules, and invitations. Every console account reads; community editors (not a
 * grid worker, not a viewer) plan. A meeting's plan changes only until it begins; a room shows its
 * current meeting and moves on to the next planned one by itself ({@link RoomSchedule}). Planners
 * and a meeting's own hosts add 议前调研 notes to its matters ({@link Research}); every console account,
 * hosts included, reads them.
 */
public final class PlanConsole {
  static final int MAX_BYTES = 32 * 1024;
  private static final int MEETINGS_LISTED = 200;
  private static final List<String> HOST_ROLES = List.of(Identity.Role.CADRE.name(), Identity.Role.GRID_WORKER.name(),
      Identity.Role.ADMIN.name());

  private final Vertx vertx;
  private final Database db;
  private final MongoClient mongo;
  private final RoomStore rooms;
  private final RoomSchedule schedule;
  private final Invitations invitations;
  private final AuditLog audit;
  private final Research research;

  private PlanConsole(Vertx vertx, Database db) {
    this.vertx = vertx;
    this.db = db;
    this.mongo = db.mongo();
    this.rooms = new RoomStore(vertx, db);
    this.schedule = new RoomSchedule(rooms);
    this.invitations = new Invitations(mongo);
    this.audit = new AuditLog(mongo);
    this.research = new Research(db, rooms);
  }

  /** The area's command table. */
  public static CommandEndpoint endpoint(Vertx vertx, Database db) {
    PlanConsole plans = new PlanConsole(vertx, db);
    return new CommandEndpoint(ConsoleAddresses.PLANNING, MAX_BYTES, Schemas.load("schemas/plan-commands.json", "action"))
        .on("hello", CommandEndpoint::anyone, CommandEndpoint::hello)
        .on("listMeetings", Identity::isStaff, plans::list)
        .on("getMeeting", Identity::isStaff, plans::get)
        .on("hostCandidates", Identity::isStaff, plans::hostCandidates)
        .on("saveMeeting", PlanConsole::plans, plans::save)
        .on("showMeeting", PlanConsole::plans, plans::show)
        .on("addResearch", who -> plans(who) || who.isHost(), plans.research::add)
        .on("listResearch", who -> who.isStaff() || who.isHost(), plans.research::list);
  }

  /** Planning is for the community's editors: a grid worker proposes topics, a viewer reads. */
  static boolean plans(Identity who) {
    return who.isEditor() && !who.isGridScoped();
  }

  private Future<JsonObject> list(Request r) {
    String roomId = r.body().getString("roomId");
    return rooms.rooms().compose(all -> {
      List<JsonObject> chosen = all.stream().filter(room -> roomId == null || roomId.equals(room.getString("_id"))).toList();
      return Future.all(chosen.stream().map(room -> rooms.meetingsOf(room.getString("_id"), MEETINGS_LISTED)
          .map(meetings -> summaries(room, meetings))).toList()).map(lists -> {
            JsonArray out = new JsonArray();
            lists.<JsonArray>list().forEach(out::addAll);
            return new JsonObject().put("meetings", out);
          });
    });
  }

  private static JsonArray summaries(JsonObject room, List<Meeting> meetings) {
    JsonArray out = new JsonArray();
    meetings.forEach(m -> out.add(new JsonObject().put("id", m.id()).put("roomId", m.roomId())
        .put("roomName", room.getString("name")).put("title", m.title()).put("status", m.status().name())
        .put("startsAt", m.plan().startsAt()).put("hosts", new JsonArray(m.plan().hosts()))
        .put("forms", new JsonArray(m.plan().forms())).put("matters", m.agenda().size())
        .put("current", m.id().equals(room.getString("meetingId")))));
    return out;
  }

  private Future<JsonObject> get(Request r) {
    return rooms.meeting(r.body().getString("id")).compose(meeting -> rooms.attendees(meeting.id()).map(attendees -> {
      JsonObject doc = meeting.toDocument();
      JsonArray invited = new JsonArray();
      attendees.stream().filter(a -> !a.walkIn()).forEach(a -> invited.add(a.toPublicJson()));
      return new JsonObject().put("meeting", new JsonObject().put("id", meeting.id()).put("roomId", meeting.roomId())
          .put("title", meeting.title()).put("status", meeting.status().name()).put("startsAt", meeting.plan().startsAt())
          .put("hosts", new JsonArray(meeting.plan().hosts())).put("forms", new JsonArray(meeting.plan().forms()))
          .put("invitedKinds", new JsonArray(meeting.plan().invitedKinds()))
          .put("invitedMembers", new JsonArray(meeting.plan().invitedMembers()))
          .put("gridIds", new JsonArray(meeting.plan().gridIds()))
          .put("quorum", meeting.quorum().toJson()).put("agenda", doc.getJsonArray("agenda"))
          .put("invited", invited).put("walkIns", attendees.stream().filter(Attendee::walkIn).count()));
    }));
  }

  /** The accounts that may host: enabled cadres, grid workers and administrators (names only). */
  private Future<JsonObject> hostCandidates(Request r) {
    JsonObject query = new JsonObject().put("role", new JsonObject().put("$in", new JsonArray(HOST_ROLES)))
        .put("disabled", new JsonObject().put("$ne", true));
    return mongo.find(Accounts.COLLECTION, query).map(accounts -> {
      JsonArray out = new JsonArray();
      accounts.stream().sorted((a, b) -> a.getString("_id").compareTo(b.getString("_id")))
          .forEach(a -> out.add(new JsonObject().put("username", a.getString("_id")).put("name", a.getString("name"))
              .put("role", a.getString("role").toLowerCase())));
      return new JsonObject().put("hosts", out);
    });
  }

  /**
   * Creates a meeting (no {@code id}) or changes the plan of one that has not begun; then brings its
   * invited attendees in line, and lets the room move on to it if the room's last meeting is over or
   * the meeting it awaits starts later.
   */
  private Future<JsonObject> save(Request r) {
    String id = r.body().getString("id");
    Future<Meeting> before = id == null ? Future.succeededFuture() : rooms.meeting(id);
    return before.compose(earlier -> {
      MeetingForm form = MeetingForm.read(r.body(), earlier);
      if (earlier != null && !earlier.roomId().equals(form.roomId())) {
        throw new Failure(ErrorCode.BAD_REQUEST, "会议不能换到另一个议事室；请新建一个会议");
      }
      return rooms.room(form.roomId()).compose(room -> requireHosts(form.plan().hosts()))
          .compose(v -> earlier == null ? create(form) : replan(earlier.id(), form))
          .compose(meetingId -> invitations.sync(meetingId, form.plan(), form.agenda())
              .compose(v -> rooms.meeting(meetingId)).compose(planned -> schedule.moveOn(form.roomId(), planned))
              .compose(v -> audit.record(r.who(), "plan", earlier == null ? "createMeeting" : "updateMeeting",
                  auditParams(r.body(), meetingId)))
              .compose(v -> db.durable())
              .compose(v -> {
                vertx.eventBus().send(RoomAddresses.MEETING_CHANGED, form.roomId());
                return get(new Request(r.who(), new JsonObject().put("id", meetingId)));
              }));
    });
  }

  private Future<String> create(MeetingForm form) {
    Meeting meeting = new Meeting(new ObjectId().toHexString(), form.roomId(), form.title(), form.plan(), form.quorum(),
        form.agenda());
    return rooms.insertMeeting(meeting, List.of()).map(meeting.id());
  }

  private Future<String> replan(String meetingId, MeetingForm form) {
    return rooms.changeMeeting(meetingId, meeting -> {
      meeting.replan(form.title(), form.plan(), form.quorum(), form.agenda());
      return meetingId;
    }).map(RoomStore.Changed::result);
  }

  /** Staff point a room at one of its planned meetings (the next one was cancelled, say); not while one is held. */
  private Future<JsonObject> show(Request r) {
    return rooms.meeting(r.body().getString("id")).compose(meeting -> {
      if (meeting.status() == Meeting.Status.CLOSED) {
        throw new Failure(ErrorCode.MEETING_CLOSED, "这个会议已经结束");
      }
      return schedule.pointAt(meeting.roomId(), meeting)
          .compose(v -> audit.record(r.who(), "plan", "showMeeting", new JsonObject().put("meetingId", meeting.id())
              .put("roomId", meeting.roomId())))
          .compose(v -> db.durable())
          .map(v -> {
            vertx.eventBus().send(RoomAddresses.MEETING_CHANGED, meeting.roomId());
            return new JsonObject().put("roomId", meeting.roomId()).put("meetingId", meeting.id());
          });
    });
  }

  /**
   * Each named host must be an enabled account that may host; two hosts are 双主持, a cadre (or an
   * administrator) with a grid worker. One host alone may hold a meeting.
   */
  private Future<Void> requireHosts(List<String> hosts) {
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(hosts)))
        .put("role", new JsonObject().put("$in", new JsonArray(HOST_ROLES))).put("disabled", new JsonObject().put("$ne", true));
    return mongo.findWithOptions(Accounts.COLLECTION, query, new FindOptions().setFields(new JsonObject().put("role", 1)))
        .compose(accounts -> {
          if (accounts.size() != hosts.size()) {
            return Future.failedFuture(new Failure(ErrorCode.HOST_NOT_ELIGIBLE));
          }
          return accounts.size() < 2 || paired(accounts.get(0).getString("role"), accounts.get(1).getString("role"))
              ? Future.succeededFuture() : Future.failedFuture(new Failure(ErrorCode.HOSTS_NOT_PAIRED));
        });
  }

  /** A grid worker with a cadre or an administrator, in either order. */
  private static boolean paired(String one, String other) {
    String grid = Identity.Role.GRID_WORKER.name();
    return one.equals(grid) != other.equals(grid);
  }

  private static JsonObject auditParams(JsonObject body, String meetingId) {
    JsonObject params = body.copy().put("meetingId", meetingId);
    params.remove("action");
    params.remove("invitedMembers");
    return params.put("invitedMembers", body.getJsonArray("invitedMembers", new JsonArray()).size());
  }
}
