package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.Identity;
import org.shangliang.qr.QrTokens;
import org.shangliang.room.RoomAddresses;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Residents' requests end to end over the bridge and HTTP, against the real store. */
class RequestFlowTest {
  static final String GRID_1 = DemoData.GRID_IDS[0];
  static final String NAME = "赵阿婆";
  static final String PHONE = "13912345678";

  TestServer server;
  BridgeClient staff;
  BridgeClient kiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    staff = connect(server.login("grid"));
    kiosk = connect(server.token("Kiosk 1"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  BridgeClient connect(String token) {
    return server.bridge(token);
  }

  static Future<JsonObject> cmd(BridgeClient client, String action, JsonObject params) {
    return client.request(RequestVerticle.COMMANDS, params.copy().put("action", action));
  }

  JsonObject step(String action, String id, JsonObject params) {
    return Await.result(cmd(staff, action, params.copy().put("id", id))).getJsonObject("request");
  }

  /** Files a request at the kiosk; answers {id, number, statusToken}. */
  JsonObject file(String kind) {
    JsonObject filed = Await.result(cmd(kiosk, "fileRequest", new JsonObject().put("kind", kind)
        .put("what", "3号楼楼道灯坏了，晚上看不见路").put("gridId", GRID_1).put("building", "3号楼")
        .put("name", NAME).put("phone", PHONE)));
    JsonArray list = Await.result(cmd(staff, "listRequests", new JsonObject())).getJsonArray("requests");
    String id = list.stream().map(o -> (JsonObject) o).filter(r -> r.getString("number").equals(filed.getString("number")))
        .findFirst().orElseThrow().getString("id");
    return filed.put("id", id);
  }

  JsonObject statusPage(String token) throws Exception {
    var response = Http.get(server.baseUrl() + "/api/requests/status/" + token);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(!response.body().contains(NAME) && !response.body().contains(PHONE), "no personal data on the status page");
    return new JsonObject(response.body());
  }

  JsonObject residentRates(String token, String rating) throws Exception {
    return residentRates(token, new JsonObject().put("rating", rating));
  }

  JsonObject residentRates(String token, JsonObject rating) throws Exception {
    var response = Http.post(server.baseUrl() + "/api/requests/rate", rating.copy().put("token", token).encode(), null);
    assertEquals(200, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  void agreeDoneInform(String id) {
    step("agreeRequest", id, new JsonObject().put("task", "更换楼道灯").put("responsible", "物业赵经理")
        .put("dueAt", System.currentTimeMillis() + 3 * 86_400_000L).put("residentConfirmedBy", NAME));
    step("completeRequest", id, new JsonObject().put("note", "已更换"));
    step("informRequest", id, new JsonObject().put("via", "PHONE"));
  }

  @Test
  @DisplayName("a kiosk request goes through consultation, agreement and done; 不满意 reopens it, 满意 closes it")
  void wholeCycleWithReopening() throws Exception {
    JsonObject filed = file("楼院设施");
    assertTrue(filed.getString("number").matches("\\d{4}-\\d{4}"));
    String id = filed.getString("id");
    assertEquals("NEW", statusPage(filed.getString("statusToken")).getJsonObject("request").getString("status"));
    step("takeRequest", id, new JsonObject());
    step("consultRequest", id, new JsonObject().put("place", "HOME").put("with", NAME + "、物业").put("notes", "入户查看"));
    agreeDoneInform(id);
    JsonObject status = statusPage(filed.getString("statusToken"));
    assertTrue(status.getBoolean("canRate"));
    assertEquals("更换楼道灯", status.getJsonObject("request").getString("agreedAction"));
    JsonObject reopened = residentRates(filed.getString("statusToken"), "UNSATISFIED");
    assertEquals("CONSULTING", reopened.getJsonObject("request").getString("status"));
    JsonObject request = Await.result(cmd(staff, "getRequest", new JsonObject().put("id", id))).getJsonObject("request");
    assertEquals(1, request.getInteger("reopenCount"));
    assertEquals(NAME, request.getJsonObject("resident").getString("name"), "staff see who asked");
    agreeDoneInform(id);
    assertEquals("CLOSED", residentRates(filed.getString("statusToken"), "SATISFIED").getJsonObject("request").getString("status"));
    request = Await.result(cmd(staff, "getRequest", new JsonObject().put("id", id))).getJsonObject("request");
    JsonArray history = request.getJsonArray("history");
    assertEquals("FILE TAKE CONSULT AGREE COMPLETE INFORM RATE AGREE COMPLETE INFORM RATE",
        String.join(" ", history.stream().map(h -> ((JsonObject) h).getString("event")).toList()));
    assertEquals(2, request.getJsonArray("agreements").size(), "the first agreement is kept, not overwritten");
    assertEquals("李网格员", history.getJsonObject(1).getJsonObject("by").getString("name"), "each step keeps who took it");
  }

  @Test
  @DisplayName("a step the state does not allow is refused by name and changes nothing")
  void refusedStepChangesNothing() {
    String id = file("环境卫生").getString("id");
    Await.failure(cmd(staff, "completeRequest", new JsonObject().put("id", id)), "TRANSITION_NOT_ALLOWED");
    Await.failure(cmd(staff, "informRequest", new JsonObject().put("id", id).put("via", "PHONE")), "TRANSITION_NOT_ALLOWED");
    Await.failure(cmd(kiosk, "takeRequest", new JsonObject().put("id", id)), "FORBIDDEN");
    Await.failure(cmd(kiosk, "fileRequest", new JsonObject().put("kind", "不存在的类别").put("what", "x").put("gridId", GRID_1)),
        "BAD_REQUEST");
    JsonObject request = Await.result(cmd(staff, "getRequest", new JsonObject().put("id", id))).getJsonObject("request");
    assertEquals("NEW", request.getString("status"));
    assertEquals(1, request.getJsonArray("history").size());
  }

  @Test
  @DisplayName("escalation climbs the three levels in order and is taken up again; a transfer is done and told")
  void escalationAndTransfer() {
    String id = file("安全隐患").getString("id");
    step("takeRequest", id, new JsonObject());
    step("escalateRequest", id, new JsonObject().put("level", "COMMUNITY_OFFICES").put("reason", "需社区两办两中心协调"));
    Await.failure(cmd(staff, "escalateRequest", new JsonObject().put("id", id).put("level", "COMMUNITY_OFFICES")
        .put("reason", "再提一次")), "TRANSITION_NOT_ALLOWED");
    step("escalateRequest", id, new JsonObject().put("level", "COMMUNITY_COUNCIL").put("reason", "需议事会协商"));
    JsonObject top = step("escalateRequest", id, new JsonObject().put("level", "STREET_WORKSTATION").put("reason", "涉及多个社区"));
    assertEquals(3, top.getJsonArray("escalations").size());
    assertEquals("ESCALATED", top.getString("status"));
    assertEquals("CONSULTING", step("takeRequest", id, new JsonObject()).getString("status"));

    String other = file("物业服务").getString("id");
    JsonObject moved = step("transferRequest", other, new JsonObject().put("toType", "UNIT").put("toName", "辖区供电所")
        .put("reason", "属供电线路问题"));
    assertEquals("TRANSFERRED", moved.getString("status"));
    step("completeRequest", other, new JsonObject().put("note", "供电所已修复"));
    assertEquals("INFORMED", step("informRequest", other, new JsonObject().put("via", "VISIT")).getString("status"));
  }

  @Test
  @DisplayName("a request made a topic goes on the meeting's agenda, and the announced result comes back to it and its status page")
  void topicThroughTheMeeting() throws Exception {
    JsonObject filed = file("邻里纠纷");
    String id = filed.getString("id");
    step("promoteRequest", id, new JsonObject().put("topicKind", "CONSULTATION").put("title", "楼道灯更换费用分摊").put("urgency", 3));
    step("scheduleTopic", id, new JsonObject().put("meetingId", DemoData.MEETING_ID));
    BridgeClient host = connect(server.login("cadre"));
    JsonObject snapshot = room(host, "snapshot", new JsonObject());
    JsonArray agenda = snapshot.getJsonObject("meeting").getJsonArray("agenda");
    assertEquals("楼道灯更换费用分摊", agenda.getJsonObject(agenda.size() - 1).getString("title"));
    room(host, "openMeeting", new JsonObject());
    room(kiosk, "checkIn", new JsonObject().put("attendeeId", "00000000000000000000d008"));
    room(host, "gotoMatter", new JsonObject().put("index", agenda.size() - 1));
    String voteId = room(host, "openVote", new JsonObject().put("motion", "按户均摊").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "FOR_AGAINST")).getString("voteId");
    room(kiosk, "castBallot", new JsonObject().put("attendeeId", "00000000000000000000d008").put("voteId", voteId).put("choice", "FOR"));
    room(host, "closeVote", new JsonObject());
    room(host, "announceResult", new JsonObject());
    Await.until("the request has the resolution", 3000, () -> "AGREED".equals(Await.result(cmd(staff, "getRequest",
        new JsonObject().put("id", id))).getJsonObject("request").getString("status")));
    JsonObject status = statusPage(filed.getString("statusToken")).getJsonObject("request");
    assertEquals("按户均摊", status.getJsonObject("resolution").getString("motion"));
    assertTrue(status.getJsonObject("resolution").getJsonObject("outcome").getBoolean("passed"));
  }

  @Test
  @DisplayName("a topic keeps who put it forward (党支部点题, 网格员荐题 by default for a grid worker, 群众出题 for staff) onto the agenda; an unknown source is refused and changes nothing")
  void topicSources() throws Exception {
    String branch = file("楼院设施").getString("id");
    for (String bad : List.of("STAFF", "party_branch", "")) {
      Await.failure(cmd(staff, "promoteRequest", new JsonObject().put("id", branch).put("topicKind", "CONSULTATION")
          .put("urgency", 2).put("source", bad)), "BAD_REQUEST");
    }
    Await.failure(cmd(staff, "promoteRequest", new JsonObject().put("id", branch).put("topicKind", "CONSULTATION")
        .put("urgency", 2).put("source", 3)), "BAD_REQUEST");
    JsonObject unchanged = request(branch);
    assertEquals("NEW", unchanged.getString("status"));
    assertNull(unchanged.getValue("topic"));
    assertEquals(1, unchanged.getJsonArray("history").size());

    JsonObject promoted = step("promoteRequest", branch, new JsonObject().put("topicKind", "DECISION").put("urgency", 3)
        .put("source", "PARTY_BRANCH"));
    assertEquals("PARTY_BRANCH", promoted.getJsonObject("topic").getString("source"));
    String recommended = file("环境卫生").getString("id");
    step("promoteRequest", recommended, new JsonObject().put("topicKind", "CONSULTATION").put("urgency", 1));
    String residents = file("安全隐患").getString("id");
    Await.result(cmd(connect(server.login("staff")), "promoteRequest", new JsonObject().put("id", residents)
        .put("topicKind", "CONSULTATION").put("urgency", 1)));
    JsonArray list = Await.result(cmd(staff, "topicList", new JsonObject().put("from", 0).put("to", System.currentTimeMillis() + 60_000)))
        .getJsonArray("topics");
    assertEquals("PARTY_BRANCH", line(list, branch).getString("topicSource"));
    assertEquals("GRID_WORKER", line(list, recommended).getString("topicSource"), "a grid worker's own recommendation");
    assertEquals("RESIDENTS", line(list, residents).getString("topicSource"));

    for (String id : List.of(branch, recommended, residents)) {
      step("scheduleTopic", id, new JsonObject().put("meetingId", DemoData.MEETING_ID));
    }
    JsonArray agenda = Await.result(server.app.db().mongo().findOne(RoomStore.MEETINGS,
        new JsonObject().put("_id", DemoData.MEETING_ID), null)).getJsonArray("agenda");
    assertEquals(new JsonObject().put("kind", "PARTY_BRANCH").put("requestId", branch), agenda.getJsonObject(agenda.size() - 3).getJsonObject("source"));
    assertEquals(new JsonObject().put("kind", "GRID_WORKER").put("requestId", recommended),
        agenda.getJsonObject(agenda.size() - 2).getJsonObject("source"));
    assertEquals(new JsonObject().put("kind", "RESIDENTS").put("requestId", residents),
        agenda.getJsonObject(agenda.size() - 1).getJsonObject("source"));
  }

  static JsonObject line(JsonArray list, String id) {
    return list.stream().map(JsonObject.class::cast).filter(l -> id.equals(l.getString("id"))).findFirst().orElseThrow();
  }

  JsonObject request(String id) {
    return Await.result(cmd(staff, "getRequest", new JsonObject().put("id", id))).getJsonObject("request");
  }

  /** Files from a phone through board 1's code; answers the filing reply and the request's id. */
  JsonObject fileFromPhone(String kind, String what, String building) throws Exception {
    String token = server.app.tokens().sign(QrTokens.Purpose.REPORT, GRID_1, DemoData.BOARD_1);
    var filed = Http.post(server.baseUrl() + "/api/requests", new JsonObject().put("token", token).put("kind", kind)
        .put("what", what).put("gridId", GRID_1).put("building", building).put("name", NAME).put("phone", PHONE).encode(), null);
    assertEquals(201, filed.statusCode(), filed.body());
    JsonObject reply = new JsonObject(filed.body());
    String id = Await.result(cmd(staff, "listRequests", new JsonObject())).getJsonArray("requests").stream()
        .map(o -> (JsonObject) o).filter(r -> r.getString("number").equals(reply.getString("number")))
        .findFirst().orElseThrow().getString("id");
    return reply.put("id", id);
  }

  @Test
  @DisplayName("a filed request's public title is its kind, grid and building, with none of the words the resident typed")
  void defaultPublicTitle() throws Exception {
    JsonObject atKiosk = request(file("楼院设施").getString("id"));
    assertEquals("楼院设施 · 第一网格 · 3号楼", atKiosk.getString("publicTitle"));
    assertNull(atKiosk.getValue("publicTitleApproved"), "a default title needs no approval, and has none");

    String words = "3栋2单元501 张秀英 13812345678 身份证 110101195003071234 井盖松动";
    JsonObject fromPhone = fileFromPhone("安全隐患", words, "3栋2单元501 张秀英");
    assertEquals("安全隐患 · 第一网格", request(fromPhone.getString("id")).getString("publicTitle"),
        "a place typed as free text stays out of the title");
    assertEquals("安全隐患 · 第一网格 · 12号楼",
        request(fileFromPhone("安全隐患", words, "12号楼").getString("id")).getString("publicTitle"),
        "a building number as the kiosk offers it is a place, not words");
    JsonObject status = statusPage(fromPhone.getString("statusToken")).getJsonObject("request");
    assertEquals("安全隐患 · 第一网格", status.getString("publicTitle"));
    assertNull(status.getJsonObject("where").getString("building"));
    for (String personal : List.of("张秀英", "13812345678", "110101195003071234", "3栋2单元501", "井盖松动")) {
      assertTrue(!status.encode().contains(personal), "the status page shows " + personal + ": " + status.encode());
    }
  }

  @Test
  @DisplayName("every step is one audit entry naming the request, the step and the statuses, never what anyone wrote; a resident's own rating and the request kinds too")
  void everyStepAudited() throws Exception {
    JsonObject filed = file("楼院设施");
    String id = filed.getString("id");
    step("takeRequest", id, new JsonObject());
    step("consultRequest", id, new JsonObject().put("place", "HOME").put("with", NAME).put("notes", "入户查看，回电" + PHONE));
    agreeDoneInform(id);
    residentRates(filed.getString("statusToken"), new JsonObject().put("rating", "UNSATISFIED").put("comment", "灯还是不亮"));

    List<JsonObject> audit = Await.result(server.app.db().mongo().find("audit",
        new JsonObject().put("area", "request").put("params.requestId", id)));
    assertEquals(List.of("TAKE", "CONSULT", "AGREE", "COMPLETE", "INFORM", "RATE"),
        audit.stream().map(e -> e.getString("action")).toList());
    JsonObject take = audit.get(0);
    assertEquals(new JsonObject().put("id", "grid").put("name", "李网格员").put("role", "GRID_WORKER"), take.getJsonObject("actor"));
    assertEquals(new JsonObject().put("requestId", id).put("number", filed.getString("number")).put("from", "NEW")
        .put("to", "CONSULTING"), take.getJsonObject("params"));
    JsonObject rated = audit.get(5);
    assertEquals(new JsonObject().put("id", "resident").put("name", "居民").put("role", "RESIDENT"), rated.getJsonObject("actor"));
    assertEquals("UNSATISFIED", rated.getJsonObject("params").getString("rating"));
    assertEquals("INFORMED", rated.getJsonObject("params").getString("from"));
    assertEquals("CONSULTING", rated.getJsonObject("params").getString("to"));
    String text = new JsonArray(audit).encode();
    assertTrue(!text.contains(NAME) && !text.contains(PHONE) && !text.contains("入户查看") && !text.contains("灯还是不亮"),
        "no resident's name or phone, no note or comment in the log: " + text);

    BridgeClient office = connect(server.login("staff"));
    Await.result(cmd(office, "saveRequestKinds", new JsonObject().put("kinds", new JsonArray().add("楼院设施").add("邻里纠纷"))));
    JsonObject kinds = Await.result(server.app.db().mongo().findOne("audit",
        new JsonObject().put("area", "request").put("action", "saveRequestKinds"), null));
    assertEquals("staff", kinds.getJsonObject("actor").getString("id"));
    assertEquals(new JsonArray().add("楼院设施").add("邻里纠纷"), kinds.getJsonObject("params").getJsonArray("kinds"));
  }

  @Test
  @DisplayName("staff set or approve a public title: length, line breaks and phone or ID numbers are refused, each change is in the history and the audit log, and kiosks, boards and strangers may not")
  void settingThePublicTitle() throws Exception {
    String id = file("楼院设施").getString("id");
    JsonObject approved = step("setPublicTitle", id, new JsonObject().put("title", "楼院设施 · 第一网格 · 3号楼"));
    assertEquals("李网格员", approved.getJsonObject("publicTitleApproved").getJsonObject("by").getString("name"));
    assertNotNull(approved.getJsonObject("publicTitleApproved").getLong("at"));
    JsonObject set = step("setPublicTitle", id, new JsonObject().put("title", "  3号楼楼道照明  "));
    assertEquals("3号楼楼道照明", set.getString("publicTitle"));
    assertEquals("NEW", set.getString("status"), "a title is not a step: the status stays");
    JsonArray history = set.getJsonArray("history");
    JsonObject last = history.getJsonObject(history.size() - 1);
    assertEquals("TITLE", last.getString("event"));
    assertEquals("3号楼楼道照明", last.getJsonObject("details").getString("title"));
    assertEquals("楼院设施 · 第一网格 · 3号楼", last.getJsonObject("details").getString("before"));
    List<JsonObject> audit = Await.result(server.app.db().mongo().find("audit",
        new JsonObject().put("area", "request").put("action", "TITLE").put("params.requestId", id)));
    assertEquals(2, audit.size());
    assertEquals("李网格员", audit.get(1).getJsonObject("actor").getString("name"));
    assertEquals("3号楼楼道照明", audit.get(1).getJsonObject("params").getString("title"));

    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("", "BAD_REQUEST");
    refused.put("   ", "BAD_REQUEST");
    refused.put("长".repeat(61), "BAD_REQUEST");
    refused.put("楼道\n照明", "BAD_REQUEST");
    refused.put("联系 138 1234 5678", "PUBLIC_TITLE_PERSONAL");
    refused.put("身份证110101195003071234", "PUBLIC_TITLE_PERSONAL");
    refused.forEach((title, code) -> Await.failure(cmd(staff, "setPublicTitle", new JsonObject().put("id", id).put("title", title)), code));
    Await.failure(cmd(kiosk, "setPublicTitle", new JsonObject().put("id", id).put("title", "终端改的")), "FORBIDDEN");
    Await.failure(cmd(connect(server.token("Notice board 1")), "setPublicTitle", new JsonObject().put("id", id).put("title", "公示栏改的")),
        "FORBIDDEN");
    Await.failure(cmd(connect(null), "setPublicTitle", new JsonObject().put("id", id).put("title", "路人改的")), "UNAUTHENTICATED");
    Await.failure(cmd(staff, "setPublicTitle", new JsonObject().put("id", "0000000000000000000000ff").put("title", "没有这条")), "NOT_FOUND");
    JsonObject after = request(id);
    assertEquals("3号楼楼道照明", after.getString("publicTitle"));
    assertEquals(history.size(), after.getJsonArray("history").size(), "refusals change nothing");
  }

  @Test
  @DisplayName("a topic promoted without a title goes on the agenda under its public title, which follows the title staff last gave, as does the result notice")
  void topicTakesThePublicTitle() throws Exception {
    String id = file("邻里纠纷").getString("id");
    JsonObject promoted = step("promoteRequest", id, new JsonObject().put("topicKind", "CONSULTATION").put("urgency", 2));
    assertEquals("TOPIC", promoted.getString("status"));
    step("scheduleTopic", id, new JsonObject().put("meetingId", DemoData.MEETING_ID));
    BridgeClient host = connect(server.login("cadre"));
    JsonArray agenda = room(host, "snapshot", new JsonObject()).getJsonObject("meeting").getJsonArray("agenda");
    assertEquals("邻里纠纷 · 第一网格 · 3号楼", agenda.getJsonObject(agenda.size() - 1).getString("title"));

    String other = file("楼院设施").getString("id");
    JsonObject titled = step("promoteRequest", other, new JsonObject().put("topicKind", "DECISION").put("title", "楼道灯更换费用分摊")
        .put("urgency", 1));
    assertEquals("楼道灯更换费用分摊", titled.getString("publicTitle"), "a title given on promotion is the public title");
    assertEquals("李网格员", titled.getJsonObject("publicTitleApproved").getJsonObject("by").getString("name"));
    Await.failure(cmd(staff, "promoteRequest", new JsonObject().put("id", file("其他").getString("id"))
        .put("topicKind", "DECISION").put("title", "请联系13912345678").put("urgency", 1)), "PUBLIC_TITLE_PERSONAL");

    step("setPublicTitle", id, new JsonObject().put("title", "楼上噪音协商"));
    JsonArray renamed = room(host, "snapshot", new JsonObject()).getJsonObject("meeting").getJsonArray("agenda");
    assertEquals("楼上噪音协商", renamed.getJsonObject(agenda.size() - 1).getString("title"),
        "the agenda shows the new public title, not the one the topic was scheduled under");
    room(host, "openMeeting", new JsonObject());
    room(kiosk, "checkIn", new JsonObject().put("attendeeId", "00000000000000000000d008"));
    room(host, "gotoMatter", new JsonObject().put("index", agenda.size() - 1));
    String voteId = room(host, "openVote", new JsonObject().put("motion", "晚十点后不装修").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "FOR_AGAINST")).getString("voteId");
    room(kiosk, "castBallot", new JsonObject().put("attendeeId", "00000000000000000000d008").put("voteId", voteId).put("choice", "FOR"));
    room(host, "closeVote", new JsonObject());
    room(host, "announceResult", new JsonObject());
    // a result notice goes to every board: a community editor's, not a grid worker's
    JsonObject notice = Await.result(host.request("console.cmd", new JsonObject().put("action", "resultFromMatter")
        .put("meetingId", DemoData.MEETING_ID).put("matterId", request(id).getJsonObject("topic").getString("matterId"))))
        .getJsonObject("notice");
    assertEquals("议事结果公示：楼上噪音协商", notice.getString("title"));
    assertTrue(notice.getString("body").contains("议题：楼上噪音协商\n"), notice.getString("body"));
  }

  @Test
  @DisplayName("a matter an older version scheduled under the resident's own words is renamed to its public title when the server starts")
  void olderAgendaTitlesRenamedAtStart() throws Exception {
    String id = file("邻里纠纷").getString("id");
    step("promoteRequest", id, new JsonObject().put("topicKind", "CONSULTATION").put("urgency", 2));
    step("scheduleTopic", id, new JsonObject().put("meetingId", DemoData.MEETING_ID));
    String matterId = request(id).getJsonObject("topic").getString("matterId");
    JsonObject meeting = Await.result(server.app.db().mongo().findOne(RoomStore.MEETINGS,
        new JsonObject().put("_id", DemoData.MEETING_ID), null));
    meeting.getJsonArray("agenda").stream().map(JsonObject.class::cast).filter(m -> matterId.equals(m.getString("id")))
        .forEach(m -> m.put("title", "3栋2单元501 赵阿婆 13912345678 楼上漏水"));
    Await.result(server.app.db().mongo().save(RoomStore.MEETINGS, meeting));
    Await.result(server.app.db().durable());
    server.close();

    server = TestServer.start(server.dataDir, 0);
    BridgeClient host = connect(server.login("cadre"));
    Await.until("the agenda shows the public title", 10_000, () -> room(host, "snapshot", new JsonObject())
        .getJsonObject("meeting").getJsonArray("agenda").stream().map(JsonObject.class::cast)
        .anyMatch(m -> matterId.equals(m.getString("id")) && "邻里纠纷 · 第一网格 · 3号楼".equals(m.getString("title"))));
  }

  JsonObject room(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request(RoomAddresses.COMMANDS, params.copy().put("action", action).put("roomId", DemoData.ROOM_ID)));
  }

  @Test
  @DisplayName("topics are due for follow-up every half month (协商, 决策) or month (咨询, 听证); each follow-up moves the date")
  void followUpDueDates() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    Map<String, String> ids = new java.util.LinkedHashMap<>();
    for (String kind : List.of("CONSULTATION", "DECISION", "INQUIRY", "HEARING")) {
      String id = file("其他").getString("id");
      ids.put(kind, id);
      JsonObject topic = step("promoteRequest", id, new JsonObject().put("topicKind", kind).put("title", kind).put("urgency", 1))
          .getJsonObject("topic");
      ZonedDateTime promoted = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(topic.getLong("promotedAt")), zone);
      long expected = (kind.equals("CONSULTATION") || kind.equals("DECISION") ? promoted.plusDays(15) : promoted.plusMonths(1))
          .toInstant().toEpochMilli();
      assertEquals(expected, Await.result(cmd(staff, "getRequest", new JsonObject().put("id", id)))
          .getJsonObject("request").getLong("nextFollowUpAt"), kind);
    }
    String decision = ids.get("DECISION");
    long promotedAt = Await.result(cmd(staff, "getRequest", new JsonObject().put("id", decision)))
        .getJsonObject("request").getJsonObject("topic").getLong("promotedAt");
    // the decision topic was promoted 20 days ago: overdue
    Await.result(server.app.db().mongo().updateCollection(RequestStore.REQUESTS, new JsonObject().put("_id", decision),
        new JsonObject().put("$set", new JsonObject().put("topic.promotedAt", promotedAt - 20 * 86_400_000L))));
    JsonObject due = Await.result(cmd(staff, "followUpsDue", new JsonObject()));
    assertEquals(1, due.getJsonArray("overdue").size());
    assertEquals(decision, due.getJsonArray("overdue").getJsonObject(0).getString("id"));
    JsonObject followed = step("followUpRequest", decision, new JsonObject().put("note", "已联系物业，下周施工"));
    long followedAt = followed.getJsonArray("followUps").getJsonObject(0).getLong("at");
    assertEquals(0, Await.result(cmd(staff, "followUpsDue", new JsonObject())).getJsonArray("overdue").size());
    assertEquals(followedAt + 15 * 86_400_000L, Await.result(cmd(staff, "getRequest", new JsonObject().put("id", decision)))
        .getJsonObject("request").getLong("nextFollowUpAt"));
  }

  @Test
  @DisplayName("response, resolution and satisfaction rates per grid for the month")
  void ratesPerGrid() throws Exception {
    JsonObject one = file("楼院设施");
    file("楼院设施");
    step("takeRequest", one.getString("id"), new JsonObject());
    step("consultRequest", one.getString("id"), new JsonObject().put("place", "SITE").put("with", NAME));
    agreeDoneInform(one.getString("id"));
    residentRates(one.getString("statusToken"), "BASIC");
    String month = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
    JsonObject rates = Await.result(cmd(staff, "requestRates", new JsonObject().put("month", month)));
    JsonObject grid = rates.getJsonArray("grids").getJsonObject(0);
    assertEquals("第一网格", grid.getString("grid"));
    assertEquals(2, grid.getInteger("filed"));
    assertEquals(0.5, grid.getDouble("responseRate"));
    assertEquals(0.5, grid.getDouble("resolutionRate"));
    assertEquals(1.0, grid.getDouble("satisfactionRate"));
    assertNull(Await.result(cmd(staff, "requestRates", new JsonObject().put("month", "2020-01")))
        .getJsonObject("total").getValue("responseRate"));
  }

  @Test
  @DisplayName("a phone files a request from a display's code, with a photo only staff can fetch")
  void phoneFilingWithPhoto() throws Exception {
    String token = server.app.tokens().sign(QrTokens.Purpose.REPORT, GRID_1, DemoData.BOARD_1);
    JsonObject form = new JsonObject(Http.get(server.baseUrl() + "/api/requests/form/" + token).body());
    assertEquals(GRID_1, form.getString("gridId"));
    assertTrue(form.getJsonArray("kinds").contains("楼院设施"));
    byte[] png = org.shangliang.qr.QrCodes.png("a photo stands in");
    var upload = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.baseUrl() + "/api/requests/photo")).header("content-type", "image/png")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(png)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(201, upload.statusCode(), upload.body());
    String photoId = new JsonObject(upload.body()).getString("photoId");
    var filed = Http.post(server.baseUrl() + "/api/requests", new JsonObject().put("token", token).put("kind", "安全隐患")
        .put("what", "井盖松动").put("gridId", GRID_1).put("phone", PHONE).put("photoId", photoId).encode(), null);
    assertEquals(201, filed.statusCode(), filed.body());
    assertTrue(new JsonObject(filed.body()).getString("statusUrl").contains("/r/"));
    String id = Await.result(cmd(staff, "listRequests", new JsonObject().put("status", "NEW"))).getJsonArray("requests")
        .getJsonObject(0).getString("id");
    assertEquals(401, Http.get(server.baseUrl() + "/api/requests/" + id + "/photo").statusCode());
    var request = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.baseUrl() + "/api/requests/" + id + "/photo"))
        .header("Authorization", "Bearer " + server.login("staff")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, request.statusCode());
    assertEquals("image/png", request.headers().firstValue("content-type").orElse(""));
    // personal data: not for a read-only viewer, nor for the worker of another grid
    Await.result(server.app.accounts().save("street", "街道观察员", Identity.Role.VIEWER, "viewer-password", java.util.List.of()));
    Await.result(server.app.accounts().save("grid2", "二网格员", Identity.Role.GRID_WORKER, "worker-password",
        java.util.List.of(DemoData.GRID_IDS[1])));
    for (String[] refused : new String[][] {{"street", "viewer-password"}, {"grid2", "worker-password"}}) {
      var denied = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(server.baseUrl() + "/api/requests/" + id + "/photo"))
          .header("Authorization", "Bearer " + Http.login(server.baseUrl(), refused[0], refused[1])).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(403, denied.statusCode(), refused[0]);
    }
    var notAnImage = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.baseUrl() + "/api/requests/photo")).header("content-type", "image/png")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<svg onload=alert(1)>")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(415, notAnImage.statusCode());
    var tooBig = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.baseUrl() + "/api/requests/photo")).header("content-type", "image/png")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[RequestPhotos.MAX_BYTES + 1])).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(413, tooBig.statusCode());
    assertNotNull(photoId);
  }
}
