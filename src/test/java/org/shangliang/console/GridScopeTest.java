package org.shangliang.console;

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
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grid worker works within their grids: the demo's grid worker covers the first grid only, and
 * every command on the second grid's requests and boards is refused on the server. A read-only
 * viewer reads and changes nothing.
 */
class GridScopeTest {
  static final String GRID_1 = DemoData.GRID_IDS[0];
  static final String GRID_2 = DemoData.GRID_IDS[1];
  static final String REQUESTS = "request.cmd";
  static final String NOTICES = "console.cmd";
  static final String COMMUNITY = "community.cmd";
  static final String WELCOME = "000000000000000000003001";
  static final String MEMBER = "00000000000000000000a101";
  static final long DAY = 86_400_000L;

  TestServer server;
  BridgeClient gridWorker;
  BridgeClient staff;
  BridgeClient kiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    gridWorker = server.bridge(server.login("grid"));
    staff = server.bridge(server.login("staff"));
    kiosk = server.bridge(server.token("Kiosk 1"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("a grid worker sees and acts on their own grid's requests only; every command on another grid's is refused")
  void requestsOfOwnGridOnly() {
    String own = file(GRID_1, "一网格楼道灯坏了");
    String other = file(GRID_2, "二网格垃圾没人清");

    List<String> listed = ids(Await.result(cmd(gridWorker, REQUESTS, "listRequests", new JsonObject())).getJsonArray("requests"));
    assertTrue(listed.contains(own) && !listed.contains(other), "listed: " + listed);
    Await.failure(cmd(gridWorker, REQUESTS, "listRequests", new JsonObject().put("gridId", GRID_2)), "FORBIDDEN");
    assertTrue(ids(Await.result(cmd(staff, REQUESTS, "listRequests", new JsonObject())).getJsonArray("requests"))
        .containsAll(List.of(own, other)), "community staff see every grid");

    for (JsonObject step : steps()) {
      String action = step.getString("action");
      step.remove("action");
      var refused = Await.failure(cmd(gridWorker, REQUESTS, action, step.copy().put("id", other)), "FORBIDDEN");
      assertTrue(refused.getMessage().contains("网格"), action + ": " + refused.getMessage());
    }
    JsonObject unchanged = Await.result(cmd(staff, REQUESTS, "getRequest", new JsonObject().put("id", other)))
        .getJsonObject("request");
    assertEquals("NEW", unchanged.getString("status"), "no refused command changed the other grid's request");
    assertEquals(1, unchanged.getJsonArray("history").size());

    assertEquals("CONSULTING", Await.result(cmd(gridWorker, REQUESTS, "takeRequest", new JsonObject().put("id", own)))
        .getJsonObject("request").getString("status"));
    String dispute = file(GRID_1, "邻里纠纷", "楼上漏水到楼下，两家吵起来了");
    Await.result(cmd(gridWorker, REQUESTS, "takeRequest", new JsonObject().put("id", dispute)));
    assertEquals(1, Await.result(cmd(gridWorker, REQUESTS, "mediateRequest", new JsonObject().put("id", dispute)
        .put("mediatorMemberIds", new JsonArray().add(MEMBER)).put("settled", true))).getJsonObject("request")
        .getJsonArray("mediations").size(), "a dispute of their own grid they mediate");
    Await.failure(cmd(gridWorker, REQUESTS, "saveRequestKinds", new JsonObject().put("kinds", new JsonArray().add("其他"))),
        "FORBIDDEN");
  }

  @Test
  @DisplayName("a grid worker posts to, reads and manages their own grid's boards, notices and feedback only")
  void boardsOfOwnGridOnly() throws Exception {
    JsonObject overview = Await.result(cmd(gridWorker, NOTICES, "overview", new JsonObject()));
    List<String> boards = overview.getJsonArray("displays").stream().map(d -> ((JsonObject) d).getString("gridId")).toList();
    assertEquals(List.of(GRID_1), boards, "the overview shows the boards of their grid only");

    long now = System.currentTimeMillis();
    Await.failure(cmd(gridWorker, NOTICES, "saveNotice", notice(new JsonObject().put("grids", new JsonArray().add(GRID_2)), now)),
        "FORBIDDEN");
    Await.failure(cmd(gridWorker, NOTICES, "saveNotice", notice(new JsonObject().put("everywhere", true), now)), "FORBIDDEN");
    Await.failure(cmd(gridWorker, NOTICES, "saveNotice", notice(new JsonObject()
        .put("displays", new JsonArray().add(DemoData.BOARD_2)), now)), "FORBIDDEN");
    Await.failure(cmd(gridWorker, NOTICES, "updateDisplay", new JsonObject().put("id", DemoData.BOARD_2)
        .put("name", "改名").put("gridId", GRID_2)), "FORBIDDEN");
    Await.failure(cmd(gridWorker, NOTICES, "updateDisplay", new JsonObject().put("id", DemoData.BOARD_1)
        .put("name", "搬走").put("gridId", GRID_2)), "FORBIDDEN");
    Await.failure(cmd(gridWorker, NOTICES, "pairDisplay", new JsonObject().put("code", "123456")
        .put("name", "新屏").put("gridId", GRID_2)), "FORBIDDEN");
    Await.failure(cmd(gridWorker, NOTICES, "publishTopicList", new JsonObject().put("from", now - DAY).put("to", now)),
        "FORBIDDEN");

    String othersNotice = Await.result(cmd(staff, NOTICES, "saveNotice",
        notice(new JsonObject().put("grids", new JsonArray().add(GRID_2)), now))).getJsonObject("notice").getString("id");
    Await.failure(cmd(gridWorker, NOTICES, "publishNotice", new JsonObject().put("id", othersNotice)), "FORBIDDEN");
    Await.failure(cmd(gridWorker, NOTICES, "saveNotice", notice(new JsonObject().put("grids", new JsonArray().add(GRID_1)), now)
        .put("id", othersNotice)), "FORBIDDEN");
    Await.result(cmd(staff, NOTICES, "publishNotice", new JsonObject().put("id", othersNotice)));
    JsonObject ofNotice = new JsonObject().put("noticeId", othersNotice);
    for (String read : List.of("listFeedback", "noticePostings")) {
      Await.failure(cmd(gridWorker, NOTICES, read, ofNotice), "FORBIDDEN");
      Await.result(cmd(staff, NOTICES, read, ofNotice));
    }
    Await.failure(cmd(gridWorker, NOTICES, "retractNotice", new JsonObject().put("id", othersNotice).put("reason", "贴错了")),
        "FORBIDDEN");

    String own = Await.result(cmd(gridWorker, NOTICES, "saveNotice",
        notice(new JsonObject().put("grids", new JsonArray().add(GRID_1)), now))).getJsonObject("notice").getString("id");
    assertEquals("PUBLISHED", Await.result(cmd(gridWorker, NOTICES, "publishNotice", new JsonObject().put("id", own)))
        .getJsonObject("notice").getString("state"));
    Await.result(cmd(gridWorker, NOTICES, "listFeedback", new JsonObject().put("noticeId", own)));
    Await.result(cmd(gridWorker, NOTICES, "noticePostings", new JsonObject().put("noticeId", own)));
    assertEquals("RETRACTED", Await.result(cmd(gridWorker, NOTICES, "retractNotice", new JsonObject().put("id", own)
        .put("reason", "贴错了"))).getJsonObject("notice").getString("state"));
    assertEquals("PUBLISHED", Await.result(cmd(staff, NOTICES, "overview", new JsonObject())).getJsonArray("notices").stream()
        .map(JsonObject.class::cast).filter(n -> othersNotice.equals(n.getString("id"))).findFirst().orElseThrow()
        .getString("state"), "the refused retraction left the other grid's notice up");
  }

  @Test
  @DisplayName("a grid worker lists their grid's boards only, reads and handles the feedback sent from them only; a viewer never sees a phone")
  void feedbackAndDevicesOfOwnGridOnly() throws Exception {
    List<String> devices = ids(Await.result(cmd(gridWorker, COMMUNITY, "listDevices", new JsonObject())).getJsonArray("devices"));
    assertEquals(List.of(DemoData.BOARD_1), devices, "their grid's board, no other board, no kiosk or room display");
    List<String> all = ids(Await.result(cmd(staff, COMMUNITY, "listDevices", new JsonObject())).getJsonArray("devices"));
    assertTrue(all.contains(DemoData.BOARD_2) && all.size() > 2, "community staff see every device: " + all);

    rate(DemoData.BOARD_1, "13800001111");
    rate(DemoData.BOARD_2, "13800002222");
    JsonObject ofWelcome = new JsonObject().put("noticeId", WELCOME);
    JsonObject everyone = Await.result(cmd(staff, NOTICES, "listFeedback", ofWelcome));
    assertEquals(2, everyone.getJsonObject("summary").getInteger("total"));
    JsonObject theirs = Await.result(cmd(gridWorker, NOTICES, "listFeedback", ofWelcome));
    assertEquals(1, theirs.getJsonObject("summary").getInteger("total"), "counted from their board only");
    JsonObject item = theirs.getJsonArray("items").getJsonObject(0);
    assertEquals(DemoData.BOARD_1, item.getString("displayId"));
    assertEquals("13800001111", item.getString("phone"), "a grid worker contacts residents of their grid");

    String fromOther = feedbackFrom(everyone, DemoData.BOARD_2);
    Await.failure(cmd(gridWorker, NOTICES, "markFeedbackHandled", new JsonObject().put("id", fromOther)), "FORBIDDEN");
    Await.result(cmd(gridWorker, NOTICES, "markFeedbackHandled", new JsonObject().put("id", item.getString("id"))));
    JsonObject after = Await.result(cmd(staff, NOTICES, "listFeedback", ofWelcome));
    assertTrue(handled(after, DemoData.BOARD_1) && !handled(after, DemoData.BOARD_2), "only their board's feedback was handled");
    JsonObject entry = Await.result(server.app.db().mongo().findOne("audit", new JsonObject().put("area", "notice")
        .put("action", "markFeedbackHandled"), null));
    assertEquals("grid", entry.getJsonObject("actor").getString("id"));
    assertEquals(new JsonObject().put("feedbackId", item.getString("id")).put("noticeId", WELCOME).put("displayId", DemoData.BOARD_1),
        entry.getJsonObject("params"));
    assertEquals(1, Await.result(server.app.db().mongo().count("audit", new JsonObject().put("action", "markFeedbackHandled"))),
        "the refused one is not in the log");

    Await.result(server.app.accounts().save("street", "街道观察员", Identity.Role.VIEWER, "viewer-password", List.of()));
    BridgeClient viewer = server.bridge(Http.login(server.baseUrl(), "street", "viewer-password"));
    JsonObject read = Await.result(cmd(viewer, NOTICES, "listFeedback", ofWelcome));
    assertEquals(2, read.getJsonArray("items").size());
    assertTrue(read.getJsonArray("items").stream().allMatch(i -> ((JsonObject) i).getValue("phone") == null),
        "a read-only viewer gets no phone: " + read.encode());
    assertTrue(read.getJsonArray("items").stream().allMatch(i -> ((JsonObject) i).getBoolean("phoneWithheld")),
        "only that one was left: " + read.encode());
    Await.failure(cmd(viewer, NOTICES, "markFeedbackHandled", new JsonObject().put("id", fromOther)), "FORBIDDEN");
  }

  /** A phone that scanned the welcome notice's code on the board rates it and leaves its number. */
  void rate(String board, String phoneNumber) throws Exception {
    HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    String token = server.app.tokens().sign(QrTokens.Purpose.FEEDBACK, WELCOME, board);
    var form = Http.get(phone, server.baseUrl() + "/api/feedback/" + token);
    assertEquals(200, form.statusCode(), form.body());
    var sent = Http.post(phone, server.baseUrl() + "/api/feedback", new JsonObject().put("token", token)
        .put("ticket", new JsonObject(form.body()).getString("ticket")).put("rating", "UNSATISFIED")
        .put("comment", "楼道灯坏了三个月").put("phone", phoneNumber).encode(), null);
    assertEquals(201, sent.statusCode(), sent.body());
  }

  static String feedbackFrom(JsonObject feedback, String board) {
    return feedback.getJsonArray("items").stream().map(JsonObject.class::cast).filter(i -> board.equals(i.getString("displayId")))
        .findFirst().orElseThrow().getString("id");
  }

  static boolean handled(JsonObject feedback, String board) {
    return feedback.getJsonArray("items").stream().map(JsonObject.class::cast).filter(i -> board.equals(i.getString("displayId")))
        .findFirst().orElseThrow().getBoolean("handled");
  }

  @Test
  @DisplayName("a read-only viewer reads the console and changes nothing")
  void viewerReadsOnly() throws Exception {
    Await.result(server.app.accounts().save("street", "街道观察员", Identity.Role.VIEWER, "viewer-password", List.of()));
    BridgeClient viewer = server.bridge(Http.login(server.baseUrl(), "street", "viewer-password"));
    String request = file(GRID_2, "路灯坏了");

    assertEquals(2, Await.result(cmd(viewer, NOTICES, "overview", new JsonObject())).getJsonArray("displays").size());
    assertTrue(ids(Await.result(cmd(viewer, REQUESTS, "listRequests", new JsonObject())).getJsonArray("requests")).contains(request));
    long now = System.currentTimeMillis();
    Await.failure(cmd(viewer, NOTICES, "saveNotice", notice(new JsonObject().put("grids", new JsonArray().add(GRID_1)), now)),
        "FORBIDDEN");
    Await.failure(cmd(viewer, REQUESTS, "takeRequest", new JsonObject().put("id", request)), "FORBIDDEN");
    Await.failure(cmd(viewer, NOTICES, "updateDisplay", new JsonObject().put("id", DemoData.BOARD_1)
        .put("name", "改名").put("gridId", GRID_1)), "FORBIDDEN");
  }

  /** Every request command that names one request, with parameters its schema accepts. */
  static List<JsonObject> steps() {
    long later = System.currentTimeMillis() + 3 * DAY;
    return List.of(
        new JsonObject().put("action", "getRequest"),
        new JsonObject().put("action", "takeRequest"),
        new JsonObject().put("action", "consultRequest").put("place", "HOME").put("with", "居民").put("notes", "谈了"),
        new JsonObject().put("action", "agreeRequest").put("task", "修灯").put("responsible", "物业").put("dueAt", later)
            .put("residentConfirmedBy", "居民"),
        new JsonObject().put("action", "completeRequest").put("note", "修好了"),
        new JsonObject().put("action", "informRequest").put("via", "PHONE").put("note", "已电话告知"),
        new JsonObject().put("action", "rateRequest").put("rating", "SATISFIED"),
        new JsonObject().put("action", "escalateRequest").put("level", "COMMUNITY_COUNCIL").put("reason", "需要街道协调"),
        new JsonObject().put("action", "transferRequest").put("toType", "UNIT").put("toName", "城管").put("reason", "职能"),
        new JsonObject().put("action", "promoteRequest").put("topicKind", "CONSULTATION").put("title", "议题").put("urgency", 2),
        new JsonObject().put("action", "setPublicTitle").put("title", "公开标题"),
        new JsonObject().put("action", "scheduleTopic").put("meetingId", DemoData.MEETING_ID),
        new JsonObject().put("action", "followUpRequest").put("note", "跟进"),
        new JsonObject().put("action", "mediateRequest").put("mediatorMemberIds", new JsonArray().add(MEMBER)).put("settled", true));
  }

  String file(String gridId, String what) {
    return file(gridId, "环境卫生", what);
  }

  String file(String gridId, String kind, String what) {
    JsonObject filed = Await.result(cmd(kiosk, REQUESTS, "fileRequest", new JsonObject().put("kind", kind)
        .put("what", what).put("gridId", gridId).put("building", "3号楼").put("name", "赵阿婆").put("phone", "13912345678")));
    return Await.result(cmd(staff, REQUESTS, "listRequests", new JsonObject())).getJsonArray("requests").stream()
        .map(o -> (JsonObject) o).filter(r -> r.getString("number").equals(filed.getString("number")))
        .findFirst().orElseThrow().getString("id");
  }

  static JsonObject notice(JsonObject targets, long now) {
    return new JsonObject().put("kind", "PUBLICITY").put("title", "网格通知").put("body", "内容").put("targets", targets)
        .put("startsAt", now).put("endsAt", now + DAY).put("priority", 1).put("urgent", false);
  }

  static Future<JsonObject> cmd(BridgeClient client, String address, String action, JsonObject params) {
    return client.request(address, params.copy().put("action", action));
  }

  static List<String> ids(JsonArray list) {
    return list.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }
}
