package org.shangliang.evaluation;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.HeldMeeting;
import org.shangliang.support.PhoneFeedback;
import org.shangliang.support.TestServer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * A meeting's evaluation (成效评估) computed from its records, against what the test itself did
 * through the bridge and HTTP: who came and when, who spoke, a 限次 refusal, a vote, the minutes'
 * responsible party and feasibility, the tracked resolution, and two phones' ratings.
 */
class EvaluationTest {

  TestServer server;
  BridgeClient host;
  BridgeClient kiosk;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    host = server.bridge(server.login("cadre"));
    kiosk = server.bridge(server.token("Kiosk 3"));
    staff = server.bridge(server.login("staff"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  void hostDoes(String action, JsonObject params) {
    Await.result(command(host, action, params));
  }

  void speech(int n) {
    Await.result(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(n))));
    hostDoes("giveFloor", new JsonObject().put("attendeeId", attendee(n)));
    hostDoes("endSpeech", new JsonObject());
  }

  JsonObject evaluation(String action, JsonObject params) {
    return Await.result(staff.request(ConsoleAddresses.EVALUATION, params.copy().put("action", action)));
  }

  @Test
  @DisplayName("attendance and punctuality, activity, rule-keeping, results, follow-up and satisfaction of a meeting, and the same summed for a period, per quarter and per grid")
  void figuresFromTheRecords() throws Exception {
    Await.result(server.app.db().mongo().updateCollection(RoomStore.MEETINGS, new JsonObject().put("_id", DemoData.MEETING_ID),
        new JsonObject().put("$set", new JsonObject().put("agenda.0.speechesPerPerson", 1))));
    // two arrive before the meeting opens, the third after
    for (int n = 1; n <= 2; n++) {
      Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(n))));
    }
    hostDoes("openMeeting", new JsonObject());
    Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(3))));
    speech(1);
    speech(2);
    Await.failure(command(kiosk, "raiseHand", new JsonObject().put("attendeeId", attendee(1))), "SPEECH_LIMIT_REACHED");
    HeldMeeting.voteAndAnnounce(host, kiosk, "同意建设充电棚", 3);
    String noticeId = HeldMeeting.resultNotice(staff);
    hostDoes("closeMeeting", new JsonObject());
    PhoneFeedback.rate(server, noticeId, "SATISFIED", null);
    PhoneFeedback.rate(server, noticeId, "UNSATISFIED", "太吵");

    HeldMeeting.approveMinutes(host, new JsonObject().put("feasibility", 4)
        .put("resolution", new JsonObject().put("text", "建设充电棚").put("responsible", "物业公司")));

    JsonObject e = evaluation("evaluateMeeting", new JsonObject().put("meetingId", DemoData.MEETING_ID)).getJsonObject("evaluation");
    JsonObject attendance = e.getJsonObject("attendance");
    assertEquals(10, attendance.getInteger("invited"));
    assertEquals(3, attendance.getInteger("present"));
    assertEquals(0.3, attendance.getDouble("rate"));
    assertEquals(2, attendance.getInteger("punctual"), "two checked in before the opening");
    assertEquals(0.667, attendance.getDouble("punctualRate"));
    JsonObject activity = e.getJsonObject("activity");
    assertEquals(2, activity.getInteger("speeches"));
    assertEquals(2, activity.getInteger("speakers"));
    assertEquals(0.667, activity.getDouble("speakersShare"));
    JsonObject rules = e.getJsonObject("rules");
    assertEquals(1, rules.getInteger("refusals"));
    assertEquals(0, rules.getInteger("overruns"));
    assertEquals(1, rules.getInteger("votes"));
    assertEquals(0, rules.getInteger("votesBelowQuorum"));
    JsonObject results = e.getJsonObject("results");
    assertEquals(3, results.getInteger("matters"));
    assertEquals(1, results.getInteger("resolved"));
    assertEquals(1, results.getInteger("passed"));
    assertEquals(1, results.getInteger("responsibleSet"));
    assertEquals(1, results.getInteger("feasible"));
    assertTrue(results.getBoolean("minutesApproved"));
    JsonObject followUp = e.getJsonObject("followUp");
    assertEquals(1, followUp.getInteger("tracked"));
    assertEquals(0, followUp.getInteger("solved"));
    JsonObject satisfaction = e.getJsonObject("satisfaction");
    assertEquals(2, satisfaction.getInteger("ratings"));
    assertEquals(1, satisfaction.getInteger("unsatisfied"));
    assertEquals(0.5, satisfaction.getDouble("rate"));

    long startsAt = e.getLong("startsAt");
    JsonObject period = evaluation("evaluatePeriod", new JsonObject().put("from", startsAt - 86_400_000L).put("to", startsAt + 86_400_000L));
    assertEquals(1, period.getJsonArray("meetings").size());
    JsonObject total = period.getJsonObject("total");
    assertEquals(1, total.getInteger("meetings"));
    assertEquals(3, total.getInteger("present"));
    assertEquals(0.3, total.getDouble("attendanceRate"));
    assertEquals(0.5, total.getDouble("satisfactionRate"));
    assertEquals(List.of(DemoData.GRID_IDS[0], DemoData.GRID_IDS[1]),
        period.getJsonArray("byGrid").stream().map(g -> ((JsonObject) g).getString("key")).toList());
    assertEquals(1, period.getJsonArray("byQuarter").size());
    assertTrue(period.getJsonArray("byQuarter").getJsonObject(0).getString("key").matches("\\d{4}-Q[1-4]"));
    // another grid's meetings only: none here
    assertEquals(0, evaluation("evaluatePeriod", new JsonObject().put("from", startsAt - 86_400_000L).put("to", startsAt + 86_400_000L)
        .put("gridId", DemoData.GRID_IDS[2])).getJsonArray("meetings").size());
    Await.failure(staff.request(ConsoleAddresses.EVALUATION, new JsonObject().put("action", "evaluatePeriod")
        .put("from", startsAt).put("to", startsAt)), "ARCHIVE_RANGE");
  }

  @Test
  @DisplayName("how evenly speaking time was shared: 0 for equal times, higher as one speaker holds the floor")
  void evenness() {
    assertEquals(0.0, MeetingFigures.gini(List.of(60_000L, 60_000L, 60_000L)));
    assertEquals(0.0, MeetingFigures.gini(List.of(60_000L)));
    // one of four speaks all the time: mean |a-b| over twice the mean = (2·3·x)/(2·4·4·x/4) = 0.75
    assertEquals(0.75, MeetingFigures.gini(List.of(120_000L, 0L, 0L, 0L)));
    assertTrue(MeetingFigures.gini(List.of(90_000L, 30_000L)) > MeetingFigures.gini(List.of(70_000L, 50_000L)));
  }
}
