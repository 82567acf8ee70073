package org.shangliang.minutes;

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
import org.shangliang.followup.ResolutionStore;
import org.shangliang.store.Database;

/**
 * The minutes (会议记录) on {@value ConsoleAddresses#MINUTES}: every console account reads them (a
 * read-only viewer without attendees' names); the meeting's hosts, or an
 * administrator, edit the draft's narrative fields, approve it, and add addenda afterwards.
 * Every change is audited and durable before it is answered.
 */
public final class MinutesConsole {
  static final int MAX_BYTES = 64 * 1024;
  static final String AREA = "minutes";

  private final MinutesStore store;
  private final ResolutionStore resolutions;
  private final AuditLog audit;
  private final Database db;

  private MinutesConsole(Database db) {
    this.db = db;
    this.store = new MinutesStore(db);
    this.resolutions = new ResolutionStore(db.mongo());
    this.audit = new AuditLog(db.mongo());
  }

  /** The area's command table. */
  public static CommandEndpoint endpoint(Database db) {
    MinutesConsole minutes = new MinutesConsole(db);
    return new CommandEndpoint(ConsoleAddresses.MINUTES, MAX_BYTES, Schemas.load("schemas/minutes-commands.json", "action"))
        .on("getMinutes", Identity::isStaff, minutes::get)
        .on("editMinutes", Identity::isEditor, minutes::edit)
        .on("approveMinutes", Identity::isEditor, minutes::approve)
        .on("addAddendum", Identity::isEditor, minutes::addAddendum);
  }

  private Future<JsonObject> get(Request r) {
    return store.minutes(r.body().getString("meetingId")).compose(this::tracked).map(m -> new JsonObject().put("minutes", MinutesPrivacy.forReader(m, r.who())));
  }

  private Future<JsonObject> edit(Request r) {
    JsonObject changes = r.body().copy();
    changes.remove("action");
    return asHost(r, meetingId -> store.edit(meetingId, r.body().getLong("version"), changes));
  }

  private Future<JsonObject> approve(Request r) {
    return asHost(r, meetingId -> store.approve(meetingId, r.body().getLong("version"), actor(r.who()),
        System.currentTimeMillis()));
  }

  private Future<JsonObject> addAddendum(Request r) {
    return asHost(r, meetingId -> store.addAddendum(meetingId, r.body().getString("text"), actor(r.who()),
        System.currentTimeMillis()));
  }

  /** Runs a change by one of the meeting's hosts (or an administrator), then audits it and makes it durable. */
  private Future<JsonObject> asHost(Request r, java.util.function.Function<String, Future<JsonObject>> change) {
    String meetingId = r.body().getString("meetingId");
    return store.closedMeeting(meetingId).compose(meeting -> {
      boolean host = meeting.getJsonArray("hosts", new JsonArray()).contains(r.who().id());
      if (!host && !r.who().isAdmin()) {
        return Future.failedFuture(new Failure(ErrorCode.FORBIDDEN, "只有本次会议的主持人可以修改和审定会议记录"));
      }
      return store.minutes(meetingId).compose(v -> change.apply(meetingId));
    }).compose(this::tracked).compose(changed -> {
      JsonObject params = r.body().copy();
      params.remove("action");
      return audit.record(r.who(), AREA, r.body().getString("action"), params).compose(v -> db.durable())
          .map(v -> new JsonObject().put("minutes", MinutesPrivacy.forReader(changed, r.who())));
    });
  }

  /**
   * Approved minutes put each resolution on the follow-up list (跟踪落实), with the meeting's grids.
   * Done after the approval is stored and repeated on the next read until it has been done, so a
   * node that stopped in between loses no resolution.
   */
  private Future<JsonObject> tracked(JsonObject minutes) {
    if (!MinutesStore.APPROVED.equals(minutes.getString("status")) || minutes.getBoolean("tracked", false)) {
      return Future.succeededFuture(minutes);
    }
    String meetingId = minutes.getString("meetingId");
    return store.closedMeeting(meetingId)
        .compose(meeting -> resolutions.track(minutes, meeting.getJsonArray("gridIds", new JsonArray()).stream()
            .map(String::valueOf).toList(), System.currentTimeMillis()))
        .compose(v -> store.markTracked(meetingId)).compose(v -> db.durable()).map(v -> minutes.put("tracked", true));
  }

  private static JsonObject actor(Identity who) {
    return new JsonObject().put("id", who.id()).put("name", who.name());
  }

}
