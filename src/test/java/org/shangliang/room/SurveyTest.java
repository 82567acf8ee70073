package org.shangliang.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.TestServer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * The attendees' questionnaire (问卷) through the bridge: a host opens it at the end of the meeting,
 * each attendee present answers once from the kiosk they are checked in on, and the evaluation
 * counts the answers without telling whose they are.
 */
class SurveyTest {
  TestServer server;
  BridgeClient host;
  BridgeClient shared;
  BridgeClient personal;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    host = server.bridge(server.login("cadre"));
    shared = server.bridge(server.token("Kiosk 3"));
    personal = server.bridge(server.token("Kiosk 1"));
    staff = server.bridge(server.login("staff"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static JsonObject answers(String meeting, String spoke, String concerns, String result) {
    return new JsonObject().put("meeting", meeting).put("spoke", spoke).put("concerns", concerns).put("result", result);
  }

  io.vertx.core.Future<JsonObject> answer(BridgeClient kiosk, int n, JsonObject answers) {
    return command(kiosk, "answerSurvey", new JsonObject().put("attendeeId", attendee(n)).put("answers", answers));
  }

  long stored() {
    return Await.result(server.app.db().mongo().count(SurveyAnswers.COLLECTION, new JsonObject()));
  }

  /** Checks in 1 and 2 on the shared kiosk and 3 on the personal one, then opens the meeting. */
  void openWithThree() {
    Await.result(command(shared, "checkIn", new JsonObject().put("attendeeId", attendee(1))));
    Await.result(command(shared, "checkIn", new JsonObject().put("attendeeId", attendee(2))));
    Await.result(command(personal, "checkIn", new JsonObject().put("attendeeId", attendee(3))));
    Await.result(command(host, "openMeeting"));
  }

  @Test
  @DisplayName("one answer per attendee present, from their own kiosk, while the survey is open; a bad answer stores nothing; the evaluation counts them")
  void answeredOnceAndCounted() {
    openWithThree();
    Await.failure(answer(shared, 1, answers("GOOD", "YES", "YES", "AGREE")), "SURVEY_NOT_OPEN");
    Await.result(command(host, "openSurvey"));
    Await.failure(command(host, "openSurvey"), "SURVEY_ALREADY_OPEN");

    JsonObject survey = Await.result(command(shared, "snapshot")).getJsonObject("survey");
    assertTrue(survey.getBoolean("open"));
    assertEquals(SurveyForm.QUESTIONS.size(), survey.getJsonArray("questions").size());
    assertEquals(new JsonArray(), survey.getJsonArray("answeredHere"));

    assertEquals(true, Await.result(answer(shared, 1, answers("GOOD", "YES", "YES", "AGREE"))).getBoolean("answered"));
    Await.result(answer(personal, 3, answers("POOR", "NOT_WANTED", "NO", "PARTLY")));
    Await.failure(answer(shared, 1, answers("POOR", "NO", "NO", "DISAGREE")), "SURVEY_ANSWERED");
    assertEquals(2, stored());

    Await.failure(answer(shared, 2, answers("GOOD", "YES", "YES", "AGREE").put("extra", "YES")), "BAD_REQUEST");
    Await.failure(answer(shared, 2, answers("GOOD", "YES", "YES", "MAYBE")), "BAD_REQUEST");
    Await.failure(answer(shared, 2, answers("GOOD", "YES", "YES", "AGREE").copy().put("result", (Object) null)), "BAD_REQUEST");
    JsonObject missing = answers("GOOD", "YES", "YES", "AGREE");
    missing.remove("spoke");
    Await.failure(answer(shared, 2, missing), "BAD_REQUEST");
    Await.failure(answer(personal, 2, answers("GOOD", "YES", "YES", "AGREE")), "FORBIDDEN");
    Await.failure(answer(shared, 4, answers("GOOD", "YES", "YES", "AGREE")), "NOT_CHECKED_IN");
    assertEquals(2, stored(), "refused answers store nothing");

    survey = Await.result(command(shared, "snapshot")).getJsonObject("survey");
    assertEquals(new JsonArray().add(attendee(1)), survey.getJsonArray("answeredHere"));
    assertEquals(2L, survey.getLong("answered"));
    assertFalse(Await.result(command(host, "snapshot")).getJsonObject("survey").containsKey("answeredHere"),
        "only a kiosk learns who answered, and only of its own attendees");

    Await.result(command(host, "closeMeeting"));
    Await.failure(answer(shared, 2, answers("GOOD", "YES", "YES", "AGREE")), "SURVEY_NOT_OPEN");
    assertEquals(2, stored());

    JsonObject q = Await.result(staff.request(ConsoleAddresses.EVALUATION, new JsonObject().put("action", "evaluateMeeting")
        .put("meetingId", DemoData.MEETING_ID))).getJsonObject("evaluation").getJsonObject("questionnaire");
    assertEquals(2, q.getInteger("answered"));
    assertEquals(3, q.getInteger("present"));
    JsonArray byQuestion = q.getJsonArray("byQuestion");
    assertEquals(new JsonObject().put("GOOD", 1).put("FAIR", 0).put("POOR", 1), byQuestion.getJsonObject(0).getJsonObject("counts"));
    assertEquals(new JsonObject().put("YES", 1).put("NO", 0).put("NOT_WANTED", 1), byQuestion.getJsonObject(1).getJsonObject("counts"));
    assertEquals(new JsonObject().put("YES", 1).put("NO", 1), byQuestion.getJsonObject(2).getJsonObject("counts"));
    assertEquals(new JsonObject().put("AGREE", 1).put("PARTLY", 1).put("DISAGREE", 0), byQuestion.getJsonObject(3).getJsonObject("counts"));
  }

  @Test
  @DisplayName("the survey opens only for one of the meeting's hosts, in an open meeting, with nobody speaking and no vote open")
  void openedUnderTheHostsGuards() throws Exception {
    Await.failure(command(host, "openSurvey"), "MEETING_NOT_OPEN");
    openWithThree();
    BridgeClient staffMember = server.bridge(server.login("staff"));
    Await.failure(command(staffMember, "openSurvey"), "FORBIDDEN");
    Await.failure(command(shared, "openSurvey"), "FORBIDDEN");
    Await.result(command(shared, "raiseHand", new JsonObject().put("attendeeId", attendee(1))));
    Await.result(command(host, "giveFloor", new JsonObject().put("attendeeId", attendee(1))));
    Await.failure(command(host, "openSurvey"), "MATTER_BUSY");
    Await.result(command(host, "endSpeech"));
    Await.result(command(host, "openVote", new JsonObject().put("motion", "同意建设充电棚").put("secret", true)
        .put("walkInsVote", false).put("liveTally", false).put("base", "CAST")));
    Await.failure(command(host, "openSurvey"), "MATTER_BUSY");
    assertNull(Await.result(command(shared, "snapshot")).getValue("survey"));
    Await.result(command(host, "closeVote"));
    Await.result(command(host, "announceResult"));
    Await.result(command(host, "openSurvey"));

    JsonObject audit = Await.result(server.app.db().mongo().findOne("audit",
        new JsonObject().put("area", "room").put("action", "openSurvey"), null));
    assertEquals("cadre", audit.getJsonObject("actor").getString("id"));
    Await.result(answer(shared, 2, answers("FAIR", "NO", "YES", "AGREE")));
    JsonObject answered = Await.result(server.app.db().mongo().findOne("audit",
        new JsonObject().put("area", "room").put("action", "answerSurvey"), null));
    assertEquals(new JsonObject().put("attendeeId", attendee(2)), answered.getJsonObject("params"), "the audit keeps who, never how");
    assertEquals(DemoData.MEETING_ID, Await.result(server.app.db().mongo().findOne(SurveyAnswers.COLLECTION,
        new JsonObject().put("_id", DemoData.MEETING_ID + "." + attendee(2)), null)).getString("meetingId"));
  }

  @Test
  @DisplayName("the schema of answerSurvey names exactly the questions and choices of the form")
  void schemaMatchesTheForm() throws Exception {
    JsonObject properties;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/room-commands.json")) {
      properties = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getJsonObject("answerSurvey").getJsonObject("answers").getJsonObject("properties");
    }
    assertEquals(SurveyForm.QUESTIONS.stream().map(SurveyForm.Question::id).collect(Collectors.toSet()), properties.fieldNames());
    for (SurveyForm.Question q : SurveyForm.QUESTIONS) {
      Set<Object> codes = q.choices().stream().map(SurveyForm.Choice::code).collect(Collectors.toSet());
      assertEquals(codes, Set.copyOf(properties.getJsonObject(q.id()).getJsonArray("enum").getList()), q.id());
    }
    assertTrue(List.of(3, 4, 5).contains(SurveyForm.QUESTIONS.size()));
  }
}
