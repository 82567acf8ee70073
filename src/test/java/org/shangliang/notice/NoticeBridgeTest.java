package org.shangliang.notice;

import io.vertx.core.Future;
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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff console's and the signage displays' commands over a real WebSocket to the bridge. */
class NoticeBridgeTest {
  static final String GRID_1 = DemoData.GRID_IDS[0];
  static final long DAY = 24 * 3600_000L;

  TestServer server;
  BridgeClient staff;
  BridgeClient board1;
  BridgeClient board2;
  final List<JsonObject> board1Got = new CopyOnWriteArrayList<>();
  final List<JsonObject> board2Got = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    staff = connect(server.login("staff"));
    board1 = connect(server.token("Notice board 1"));
    board2 = connect(server.token("Notice board 2"));
    board1.register(SignageAddresses.display(DemoData.BOARD_1), board1Got::add);
    board2.register(SignageAddresses.display(DemoData.BOARD_2), board2Got::add);
    // a round trip on each socket: the registrations above are in place once it answers
    Await.result(signage(board1, "playlist"));
    Await.result(signage(board2, "playlist"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  BridgeClient connect(String token) {
    return server.bridge(token);
  }

  static Future<JsonObject> console(BridgeClient client, String action, JsonObject params) {
    return client.request(ConsoleAddresses.NOTICES, params.copy().put("action", action));
  }

  static Future<JsonObject> signage(BridgeClient client, String action) {
    return client.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", action));
  }

  static JsonObject notice(String kind, String title, JsonObject targets, long startsAt, long endsAt) {
    return new JsonObject().put("kind", kind).put("title", title).put("body", "第一段\n\n- 一项\n- 两项")
        .put("targets", targets).put("startsAt", startsAt).put("endsAt", endsAt).put("priority", 1).put("urgent", false);
  }

  static JsonObject grid(String gridId) {
    return new JsonObject().put("grids", new JsonArray().add(gridId));
  }

  JsonObject publish(JsonObject notice) {
    String id = Await.result(console(staff, "saveNotice", notice)).getJsonObject("notice").getString("id");
    return Await.result(console(staff, "publishNotice", new JsonObject().put("id", id))).getJsonObject("notice");
  }

  static boolean holds(JsonObject playlist, String noticeId) {
    return playlist.getJsonArray("notices").stream().anyMatch(n -> ((JsonObject) n).getString("id").equals(noticeId));
  }

  @Test
  @DisplayName("a published notice reaches the displays of its grid, with a QR token each, and no other display")
  void publishedNoticeReachesItsGridOnly() throws Exception {
    long now = System.currentTimeMillis();
    JsonObject published = publish(notice("PUBLICITY", "垃圾分类宣传周", grid(GRID_1), now, now + DAY));
    String id = published.getString("id");
    Await.until("board 1 gets the notice", 2000, () -> board1Got.stream().anyMatch(p -> holds(p, id)));
    JsonObject playlist = board1Got.get(board1Got.size() - 1);
    assertNotNull(playlist.getJsonObject("qr").getString(id), "each notice comes with its board's QR token");
    assertEquals("第一网格", playlist.getJsonObject("grid").getString("name"));
    Thread.sleep(300);
    assertTrue(board2Got.stream().noneMatch(p -> holds(p, id)), "a display of another grid never receives it");
    assertFalse(holds(Await.result(signage(board2, "playlist")), id));
  }

  @Test
  @DisplayName("a display cannot listen to another display's address, nor a kiosk to any display's")
  void displaysListenOnlyToThemselves() throws Exception {
    List<JsonObject> stolen = new CopyOnWriteArrayList<>();
    board2.register(SignageAddresses.display(DemoData.BOARD_1), stolen::add);
    BridgeClient kiosk = connect(server.token("Kiosk 1"));
    kiosk.register(SignageAddresses.display(DemoData.BOARD_1), stolen::add);
    Await.until("both registrations are refused", 2000, () -> board2.errors.size() == 1 && kiosk.errors.size() == 1);
    assertEquals("rejected", board2.errors.get(0).getString("body"), "the bridge hook refused it");
    long now = System.currentTimeMillis();
    String id = publish(notice("PUBLICITY", "只给一号屏", grid(GRID_1), now, now + DAY)).getString("id");
    Await.until("board 1 gets it", 2000, () -> board1Got.stream().anyMatch(p -> holds(p, id)));
    Thread.sleep(200);
    assertTrue(stolen.isEmpty());
  }

  @Test
  @DisplayName("only signed-in staff may use the console, and only signage displays the signage commands")
  void consoleAndSignageAreGuarded() {
    BridgeClient anonymous = connect(null);
    BridgeClient kiosk = connect(server.token("Kiosk 1"));
    BridgeClient roomDisplay = connect(server.token("Room display"));
    Await.failure(console(anonymous, "overview", new JsonObject()), "UNAUTHENTICATED");
    Await.failure(console(kiosk, "overview", new JsonObject()), "FORBIDDEN");
    Await.failure(console(board1, "overview", new JsonObject()), "FORBIDDEN");
    Await.failure(signage(roomDisplay, "playlist"), "FORBIDDEN");
    Await.failure(signage(staff, "playlist"), "FORBIDDEN");
    Await.failure(console(staff, "saveNotice", new JsonObject().put("title", "x")), "BAD_REQUEST");
    Await.failure(console(staff, "saveNotice", notice("PUBLICITY", "x".repeat(61), grid(GRID_1), 0, 1)), "BAD_REQUEST");
    Await.failure(console(staff, "saveNotice", notice("PUBLICITY", "无范围", new JsonObject(), 0, DAY)), "BAD_REQUEST");
    JsonObject overview = Await.result(console(staff, "overview", new JsonObject()));
    assertEquals(3, overview.getJsonArray("grids").size());
    assertEquals(2, overview.getJsonArray("displays").size());
  }

  @Test
  @DisplayName("a result notice cannot end or be retracted before 7 days unless a reason is recorded, with who gave it")
  void resultNoticeStaysSevenDays() {
    long now = System.currentTimeMillis();
    JsonObject tooShort = notice("RESULT", "议事结果公示", grid(GRID_1), now, now + 3 * DAY);
    Await.failure(console(staff, "saveNotice", tooShort), "POSTING_TOO_SHORT");
    JsonObject published = publish(notice("RESULT", "议事结果公示", grid(GRID_1), now, now + 7 * DAY));
    String id = published.getString("id");
    JsonObject shortened = notice("RESULT", "议事结果公示", grid(GRID_1), now, now + DAY).put("id", id);
    Await.failure(console(staff, "saveNotice", shortened), "POSTING_TOO_SHORT");
    Await.failure(console(staff, "retractNotice", new JsonObject().put("id", id)), "POSTING_TOO_SHORT");
    JsonObject retracted = Await.result(console(staff, "retractNotice",
        new JsonObject().put("id", id).put("reason", "表决票数录入有误，更正后重新公示"))).getJsonObject("notice");
    assertEquals("RETRACTED", retracted.getString("state"));
    JsonObject last = retracted.getJsonArray("history").getJsonObject(retracted.getJsonArray("history").size() - 1);
    assertEquals("表决票数录入有误，更正后重新公示", last.getString("reason"));
    assertEquals("社区工作人员", last.getJsonObject("by").getString("name"));
    List<JsonObject> audit = Await.result(server.app.db().mongo().find("audit",
        new JsonObject().put("noticeId", id).put("action", "retractNotice")));
    assertEquals(1, audit.size());
    assertEquals("表决票数录入有误，更正后重新公示", audit.get(0).getString("reason"));
  }

  @Test
  @DisplayName("retracting a notice takes it off its displays at once; an urgent notice is sent as urgent")
  void retractAndUrgent() throws Exception {
    long now = System.currentTimeMillis();
    JsonObject urgent = notice("PUBLICITY", "紧急通知：停水", new JsonObject().put("everywhere", true), now, now + DAY)
        .put("urgent", true).put("priority", 2);
    String id = publish(urgent).getString("id");
    Await.until("both boards get the urgent notice", 2000, () -> board1Got.stream().anyMatch(p -> holds(p, id))
        && board2Got.stream().anyMatch(p -> holds(p, id)));
    JsonObject sent = board2Got.get(board2Got.size() - 1).getJsonArray("notices").getJsonObject(0);
    assertTrue(sent.getBoolean("urgent"));
    assertFalse(sent.containsKey("history"), "displays get no handling details");
    int before = board2Got.size();
    Await.result(console(staff, "retractNotice", new JsonObject().put("id", id)));
    Await.until("board 2 gets a playlist without it", 2000, () -> board2Got.size() > before
        && !holds(board2Got.get(board2Got.size() - 1), id));
  }

  @Test
  @DisplayName("heartbeats record when each board showed a notice, and the console lists displays as online")
  void heartbeatsRecordPostings() {
    String welcome = "000000000000000000003001";
    Await.result(board1.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "heartbeat")
        .put("current", welcome).put("shown", new JsonArray().add(welcome))));
    Await.result(board1.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "heartbeat")
        .put("current", welcome).put("shown", new JsonArray())));
    JsonArray postings = Await.result(console(staff, "noticePostings", new JsonObject().put("noticeId", welcome)))
        .getJsonArray("postings");
    assertEquals(1, postings.size());
    assertEquals("1号公示栏", postings.getJsonObject(0).getString("displayName"));
    assertTrue(postings.getJsonObject(0).getLong("to") >= postings.getJsonObject(0).getLong("from"));
    JsonArray displays = Await.result(console(staff, "overview", new JsonObject())).getJsonArray("displays");
    JsonObject one = displays.stream().map(o -> (JsonObject) o).filter(d -> d.getString("id").equals(DemoData.BOARD_1))
        .findFirst().orElseThrow();
    assertTrue(one.getBoolean("online"));
    assertEquals(welcome, one.getJsonObject("showing").getString("noticeId"));
    JsonObject two = displays.stream().map(o -> (JsonObject) o).filter(d -> d.getString("id").equals(DemoData.BOARD_2))
        .findFirst().orElseThrow();
    assertFalse(two.getBoolean("online"));
    Await.failure(board1.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "heartbeat")
        .put("current", "<script>").put("shown", new JsonArray())), "BAD_REQUEST");
  }

  @Test
  @DisplayName("the published topic list names each request by its public title and never by what the resident wrote")
  void topicListUsesPublicTitles() throws Exception {
    BridgeClient kiosk = connect(server.token("Kiosk 1"));
    String words = "5栋1单元302 李桂兰 13600001111 身份证 110101194801011234";
    String lamp = file(kiosk, "楼院设施", words + " 楼道灯坏了", GRID_1, "5号楼");
    file(kiosk, "环境卫生", "垃圾桶满了 " + words, DemoData.GRID_IDS[1], null);
    Await.result(staff.request("request.cmd", new JsonObject().put("action", "setPublicTitle").put("id", idOf(lamp))
        .put("title", "5号楼楼道照明")));
    JsonObject notice = Await.result(console(staff, "publishTopicList", new JsonObject().put("from", 0L)
        .put("to", System.currentTimeMillis() + 60_000))).getJsonObject("notice");
    String body = notice.getString("body");
    assertTrue(body.contains("\n- 【一般】 5号楼楼道照明（楼院设施 · 第一网格）\n"), body);
    assertTrue(body.contains("\n- 【一般】 环境卫生 · 第二网格\n"), body);
    Await.until("board 2 gets the list", 2000, () -> board2Got.stream().anyMatch(p -> holds(p, notice.getString("id"))));
    String shown = board2Got.get(board2Got.size() - 1).encode();
    for (String typed : List.of("5栋1单元302", "李桂兰", "13600001111", "110101194801011234", "楼道灯坏了", "垃圾桶满了")) {
      assertFalse(body.contains(typed) || shown.contains(typed), "the topic list shows " + typed + ": " + body);
    }
  }

  String file(BridgeClient kiosk, String kind, String what, String gridId, String building) {
    JsonObject form = new JsonObject().put("action", "fileRequest").put("kind", kind).put("what", what).put("gridId", gridId);
    if (building != null) {
      form.put("building", building);
    }
    return Await.result(kiosk.request("request.cmd", form)).getString("number");
  }

  String idOf(String number) {
    return Await.result(staff.request("request.cmd", new JsonObject().put("action", "listRequests"))).getJsonArray("requests")
        .stream().map(o -> (JsonObject) o).filter(r -> r.getString("number").equals(number)).findFirst().orElseThrow().getString("id");
  }
}
