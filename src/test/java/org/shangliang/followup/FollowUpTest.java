package org.shangliang.followup;

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
import org.shangliang.support.HeldMeeting;
import org.shangliang.support.PhoneFeedback;
import org.shangliang.support.TestServer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resolution followed to the end through the real bridge and HTTP: approved minutes put it on
 * the list with its responsible party, due date and topic kind; a resident's 不满意 on its result
 * notice appears on it and blocks "solved" until a reply is recorded; follow-ups move the next date.
 */
class FollowUpTest {
  static final String FIRST_MATTER = HeldMeeting.FIRST_MATTER;
  static final String MOTION = "同意在3号楼北侧空地建设电动自行车集中充电棚";
  static final String COMPLAINT = "充电棚离我家窗户太近，晚上有噪音";

  TestServer server;
  BridgeClient host;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    host = server.bridge(server.login("cadre"));
    staff = server.bridge(server.login("staff"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  JsonObject followUp(BridgeClient who, String action, JsonObject params) {
    return Await.result(who.request(ConsoleAddresses.FOLLOW_UP, params.copy().put("action", action)));
  }

  void refused(String code, BridgeClient who, String action, JsonObject params) {
    Await.failure(who.request(ConsoleAddresses.FOLLOW_UP, params.copy().put("action", action)), code);
  }

  /** The demo meeting with its first matter voted and announced, its result notice posted, then closed; the notice's id. */
  String meetingWithResultNotice() {
    return HeldMeeting.closedWithResultNotice(server, host, staff, MOTION);
  }

  /** A passer-by scans the notice's QR code and rates it 不满意 with a comment. */
  void residentComplains(String noticeId, String comment) throws Exception {
    PhoneFeedback.rate(server, noticeId, "UNSATISFIED", comment);
  }

  @Test
  @DisplayName("approved minutes track each resolution; a 不满意 on its result notice blocks 办结 until answered; follow-ups move the next date by the topic kind")
  void resolutionFollowedToTheEnd() throws Exception {
    String noticeId = meetingWithResultNotice();
    residentComplains(noticeId, COMPLAINT);

    assertTrue(followUp(staff, "listResolutions", new JsonObject()).getJsonArray("resolutions").isEmpty(),
        "nothing is tracked before the minutes are approved");
    long due = System.currentTimeMillis() + 60L * 86_400_000L;
    HeldMeeting.approveMinutes(host, new JsonObject().put("topicKind", "INQUIRY")
        .put("resolution", new JsonObject().put("text", "建设充电棚").put("responsible", "物业公司").put("dueAt", due)));

    JsonArray listed = followUp(staff, "listResolutions", new JsonObject()).getJsonArray("resolutions");
    assertEquals(1, listed.size(), "only the matter with a resolution: " + listed);
    JsonObject item = listed.getJsonObject(0);
    String id = item.getString("id");
    assertEquals(DemoData.MEETING_ID + "." + FIRST_MATTER, id);
    assertEquals("物业公司", item.getString("responsible"));
    assertEquals(due, item.getLong("dueAt"));
    assertEquals("INQUIRY", item.getString("topicKind"));
    assertEquals(1L, item.getLong("unansweredComplaints"), "the list flags the 不满意 waiting for a reply");
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    long monthAfter = ZonedDateTime.ofInstant(Instant.ofEpochMilli(item.getLong("trackedAt")), shanghai).plusMonths(1).toInstant().toEpochMilli();
    assertEquals(monthAfter, item.getLong("nextFollowUpAt"), "咨询类: a month after it was tracked");
    assertFalse(item.getBoolean("followUpOverdue"));

    JsonObject detail = followUp(staff, "getResolution", new JsonObject().put("id", id)).getJsonObject("resolution");
    assertEquals(1L, detail.getLong("unansweredComplaints"));
    JsonObject complaint = detail.getJsonArray("complaints").getJsonObject(0);
    assertEquals(COMPLAINT, complaint.getJsonArray("comments").getJsonObject(0).getString("text"));
    assertTrue(complaint.getBoolean("unanswered"));

    refused("FEEDBACK_UNANSWERED", staff, "solveResolution", new JsonObject().put("id", id).put("note", "充电棚已建成"));

    BridgeClient grid = server.bridge(server.login("grid"));
    JsonObject followed = followUp(grid, "followUpResolution", new JsonObject().put("id", id).put("found", "已选址，等待供电局接电"))
        .getJsonObject("resolution");
    // 咨询类: its follow-up is published (及时公示) in one step, on the boards of the meeting's grids
    JsonObject notice = Await.result(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "followUpNotice")
        .put("resolutionId", id))).getJsonObject("notice");
    assertEquals("FOLLOW_UP", notice.getString("kind"));
    assertEquals("PUBLISHED", notice.getString("state"));
    assertTrue(notice.getString("body").contains("责任主体：物业公司"), notice.getString("body"));
    assertTrue(notice.getString("body").contains("：已选址，等待供电局接电"), notice.getString("body"));
    assertTrue(notice.getString("body").contains("办理状态：办理中"), notice.getString("body"));
    assertEquals(new JsonArray().add(DemoData.GRID_IDS[0]).add(DemoData.GRID_IDS[1]).stream().sorted().toList(),
        notice.getJsonObject("targets").getJsonArray("grids").stream().sorted().toList());
    long followedAt = followed.getJsonArray("followUps").getJsonObject(0).getLong("at");
    assertEquals("grid", followed.getJsonArray("followUps").getJsonObject(0).getJsonObject("by").getString("id"));
    assertEquals(ZonedDateTime.ofInstant(Instant.ofEpochMilli(followedAt), shanghai).plusMonths(1).toInstant().toEpochMilli(),
        followed.getLong("nextFollowUpAt"), "the next one a month after this follow-up");

    refused("NOT_FOUND", staff, "answerFeedback", new JsonObject().put("id", id).put("feedbackId", "0123456789abcdef01234567")
        .put("reply", "x"));
    followUp(staff, "answerFeedback", new JsonObject().put("id", id).put("feedbackId", complaint.getString("id"))
        .put("reply", "已与施工方商定夜间不施工，棚内加装隔音板"));
    detail = followUp(staff, "getResolution", new JsonObject().put("id", id)).getJsonObject("resolution");
    assertEquals(0L, detail.getLong("unansweredComplaints"));
    assertEquals(0L, followUp(staff, "listResolutions", new JsonObject()).getJsonArray("resolutions").getJsonObject(0)
        .getLong("unansweredComplaints"));
    assertEquals("staff", detail.getJsonArray("complaints").getJsonObject(0).getJsonObject("reply").getJsonObject("by").getString("id"));

    // the resident writes again after the reply: it waits for a reply again
    residentComplains(noticeId, "还是很吵");
    refused("FEEDBACK_UNANSWERED", staff, "solveResolution", new JsonObject().put("id", id).put("note", "充电棚已建成"));
    String again = followUp(staff, "getResolution", new JsonObject().put("id", id)).getJsonObject("resolution")
        .getJsonArray("complaints").getJsonObject(0).getString("id");
    followUp(staff, "answerFeedback", new JsonObject().put("id", id).put("feedbackId", again).put("reply", "已请物业晚上十点后断电"));

    JsonObject solved = followUp(staff, "solveResolution", new JsonObject().put("id", id).put("note", "充电棚已建成并投入使用"))
        .getJsonObject("resolution");
    // published again once solved: the same notice, updated
    JsonObject updated = Await.result(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "followUpNotice")
        .put("resolutionId", id))).getJsonObject("notice");
    assertEquals(notice.getString("id"), updated.getString("id"));
    assertTrue(updated.getString("body").contains("办理状态：**已办结**（充电棚已建成并投入使用）"), updated.getString("body"));
    assertEquals("SOLVED", solved.getString("status"));
    assertEquals(null, solved.getValue("nextFollowUpAt"));
    refused("RESOLUTION_SOLVED", grid, "followUpResolution", new JsonObject().put("id", id).put("found", "x"));
    assertEquals(1, followUp(staff, "listResolutions", new JsonObject().put("status", "SOLVED")).getJsonArray("resolutions").size());
    assertEquals(0, followUp(staff, "listResolutions", new JsonObject().put("status", "OPEN")).getJsonArray("resolutions").size());
    long audited = Await.result(server.app.db().mongo().count("audit", new JsonObject().put("area", "followup")));
    assertEquals(4, audited, "a follow-up, two replies and the solving, each audited");
  }
}
