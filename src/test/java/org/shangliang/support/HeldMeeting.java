package org.shangliang.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;

import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/** Steps of the demo meeting and what follows it, through the bridge as hosts, kiosks and staff take them. */
public final class HeldMeeting {
  /** The demo agenda's first matter. */
  public static final String FIRST_MATTER = "00000000000000000000c001";

  private HeldMeeting() {
  }

  /** A named vote on the current matter, the first {@code voters} invited attendees for it, closed and announced; the vote's id. */
  public static String voteAndAnnounce(BridgeClient host, BridgeClient kiosk, String motion, int voters) {
    String voteId = Await.result(command(host, "openVote", new JsonObject().put("motion", motion).put("secret", false)
        .put("walkInsVote", false).put("liveTally", false).put("base", "CAST"))).getString("voteId");
    for (int n = 1; n <= voters; n++) {
      Await.result(command(kiosk, "castBallot", new JsonObject().put("attendeeId", attendee(n)).put("voteId", voteId).put("choice", "FOR")));
    }
    Await.result(command(host, "closeVote"));
    Await.result(command(host, "announceResult"));
    return voteId;
  }

  /**
   * The demo meeting held: three invited check in at Kiosk 3, a named vote on the first matter
   * passes and is announced, staff post its result notice, the meeting closes. The notice's id.
   */
  public static String closedWithResultNotice(TestServer server, BridgeClient host, BridgeClient staff, String motion) {
    BridgeClient kiosk = server.bridge(server.token("Kiosk 3"));
    Await.result(command(host, "openMeeting"));
    for (int n = 1; n <= 3; n++) {
      Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    voteAndAnnounce(host, kiosk, motion, 3);
    String noticeId = resultNotice(staff);
    Await.result(command(host, "closeMeeting"));
    return noticeId;
  }

  /** Staff post the first matter's result notice; its id. */
  public static String resultNotice(BridgeClient staff) {
    return Await.result(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "resultFromMatter")
        .put("meetingId", DemoData.MEETING_ID).put("matterId", FIRST_MATTER))).getJsonObject("notice").getString("id");
  }

  /** A host edits the closed meeting's minutes for its first matter ({@code matter}: the fields of editMinutes' matter) and approves them. */
  public static JsonObject approveMinutes(BridgeClient host, JsonObject matter) {
    JsonObject minutes = minutes(host, "getMinutes", new JsonObject());
    minutes = minutes(host, "editMinutes", new JsonObject().put("version", minutes.getLong("version"))
        .put("matters", new JsonArray().add(matter.copy().put("id", FIRST_MATTER))));
    return minutes(host, "approveMinutes", new JsonObject().put("version", minutes.getLong("version")));
  }

  private static JsonObject minutes(BridgeClient who, String action, JsonObject params) {
    return Await.result(who.request(ConsoleAddresses.MINUTES, params.copy().put("action", action)
        .put("meetingId", DemoData.MEETING_ID))).getJsonObject("minutes");
  }
}
