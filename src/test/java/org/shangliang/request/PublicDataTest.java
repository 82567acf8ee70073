package org.shangliang.request;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.notice.SignageAddresses;
import org.shangliang.qr.QrTokens;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal data (a resident's name, phone number, photo, and what staff wrote down with them) and
 * anything a resident typed never leave through a public route or a display's address: not the
 * status pages, Open311, the boards' progress lines, the topic list, a result notice of a meeting
 * that decided a request, nor the room display and kiosks showing that meeting. The route list
 * comes from the server's own router, so a route added later fails this test until someone
 * decides what it may show.
 */
class PublicDataTest {
  static final String NAME = "钱阿姨";
  static final String PHONE = "13700009999";
  static final String STAFF_NOTE = "钱阿姨家中漏水";
  /** What residents write: a room number, a name, a phone number and an ID-card number. */
  static final String ROOM = "3栋2单元501";
  static final String NAME_2 = "张秀英";
  static final String PHONE_2 = "13812345678";
  static final String ID_CARD = "110101195003071234";
  static final String WORDS = ROOM + " " + NAME_2 + " " + PHONE_2 + " 身份证 " + ID_CARD;
  static final String KIOSK_WHAT = WORDS + " 楼道灯坏了，晚上看不见路";
  static final String PHONE_WHAT = "井盖松动 " + WORDS;
  static final String TOPIC_TITLE = "楼道照明改造";
  static final String ATTENDEE = "00000000000000000000d008";

  static TestServer server;
  static String statusToken;
  static String number;
  static String requestId;
  /** The request made a topic, voted on and posted as a result, filed at a kiosk. */
  static JsonObject topic;
  /** A request filed from a phone with a place typed as free text, left as it is. */
  static JsonObject typed;
  static JsonObject topicListNotice;
  static JsonObject resultNotice;
  static final List<JsonObject> pushedToBoard = new CopyOnWriteArrayList<>();
  static final List<JsonObject> pushedToBoard2 = new CopyOnWriteArrayList<>();
  static final List<JsonObject> pushedToRoom = new CopyOnWriteArrayList<>();
  static final List<JsonObject> pushedToKiosk = new CopyOnWriteArrayList<>();
  static final List<JsonObject> replies = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    BridgeClient board = server.bridge(server.token("Notice board 1"));
    board.register(SignageAddresses.display(DemoData.BOARD_1), pushedToBoard::add);
    Await.result(board.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "playlist")));
    BridgeClient board2 = server.bridge(server.token("Notice board 2"));
    board2.register(SignageAddresses.display(DemoData.BOARD_2), pushedToBoard2::add);
    Await.result(board2.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "playlist")));
    BridgeClient roomDisplay = server.bridge(server.token("Room display"));
    roomDisplay.register(RoomAddresses.state(DemoData.ROOM_ID), pushedToRoom::add);
    roomDisplay.register(RoomAddresses.tally(DemoData.ROOM_ID), pushedToRoom::add);
    Await.result(roomDisplay.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot")));
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    kiosk.register(RoomAddresses.state(DemoData.ROOM_ID), pushedToKiosk::add);
    BridgeClient staff = server.bridge(server.login("staff"));

    JsonObject filed = Await.result(kiosk.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "fileRequest")
        .put("kind", "楼院设施").put("what", "楼上漏水").put("gridId", DemoData.GRID_IDS[0]).put("building", "5号楼")
        .put("name", NAME).put("phone", PHONE)));
    statusToken = filed.getString("statusToken");
    number = filed.getString("number");
    requestId = idOf(staff, number);
    request(staff, "takeRequest", new JsonObject().put("id", requestId));
    request(staff, "consultRequest", new JsonObject().put("id", requestId)
        .put("place", "HOME").put("with", NAME).put("notes", STAFF_NOTE));

    topic = Await.result(kiosk.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "fileRequest")
        .put("kind", "楼院设施").put("what", KIOSK_WHAT).put("gridId", DemoData.GRID_IDS[0]).put("building", "3号楼")
        .put("name", NAME_2).put("phone", PHONE_2)));
    topic.put("id", idOf(staff, topic.getString("number")));
    typed = fileFromPhone();
    typed.put("id", idOf(staff, typed.getString("number")));

    request(staff, "promoteRequest", new JsonObject().put("id", topic.getString("id")).put("topicKind", "CONSULTATION")
        .put("title", TOPIC_TITLE).put("urgency", 3));
    request(staff, "scheduleTopic", new JsonObject().put("id", topic.getString("id")).put("meetingId", DemoData.MEETING_ID));
    decideInTheMeeting(kiosk);
    String matterId = request(staff, "getRequest", new JsonObject().put("id", topic.getString("id")))
        .getJsonObject("request").getJsonObject("topic").getString("matterId");
    resultNotice = console(staff, "resultFromMatter", new JsonObject().put("meetingId", DemoData.MEETING_ID)
        .put("matterId", matterId)).getJsonObject("notice");
    topicListNotice = console(staff, "publishTopicList", new JsonObject().put("from", 0L)
        .put("to", System.currentTimeMillis() + 60_000)).getJsonObject("notice");

    Await.until("both boards got both notices", 5000, () -> holdsBoth(pushedToBoard) && holdsBoth(pushedToBoard2));
    Await.until("the board got the progress of the three requests", 5000, () -> pushedToBoard.stream()
        .anyMatch(p -> p.getJsonArray("progress", new JsonArray()).size() == 3));
    replies.add(Await.result(board.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "playlist"))));
    replies.add(Await.result(board2.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "playlist"))));
    replies.add(Await.result(roomDisplay.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot"))));
    replies.add(Await.result(kiosk.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot"))));
  }

  /** A phone files from board 1's code, typing the place as free text. */
  static JsonObject fileFromPhone() throws Exception {
    String report = server.app.tokens().sign(QrTokens.Purpose.REPORT, DemoData.GRID_IDS[0], DemoData.BOARD_1);
    var response = Http.post(server.baseUrl() + "/api/requests", new JsonObject().put("token", report).put("kind", "安全隐患")
        .put("what", PHONE_WHAT).put("gridId", DemoData.GRID_IDS[0]).put("building", ROOM + " " + NAME_2)
        .put("name", NAME_2).put("phone", PHONE_2).encode(), null);
    assertEquals(201, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  /** The meeting takes the topic as its last matter, votes on it and announces the result. */
  static void decideInTheMeeting(BridgeClient kiosk) throws Exception {
    BridgeClient host = server.bridge(server.login("cadre"));
    JsonArray agenda = room(host, "snapshot", new JsonObject()).getJsonObject("meeting").getJsonArray("agenda");
    room(host, "openMeeting", new JsonObject());
    room(kiosk, "checkIn", new JsonObject().put("attendeeId", ATTENDEE));
    room(host, "gotoMatter", new JsonObject().put("index", agenda.size() - 1));
    String voteId = room(host, "openVote", new JsonObject().put("motion", "更换楼道灯具，费用由维修基金列支").put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "FOR_AGAINST")).getString("voteId");
    room(kiosk, "castBallot", new JsonObject().put("attendeeId", ATTENDEE).put("voteId", voteId).put("choice", "FOR"));
    room(host, "closeVote", new JsonObject());
    room(host, "announceResult", new JsonObject());
  }

  static JsonObject room(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request(RoomAddresses.COMMANDS, params.copy().put("action", action).put("roomId", DemoData.ROOM_ID)));
  }

  static JsonObject request(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request(RequestVerticle.COMMANDS, params.copy().put("action", action)));
  }

  static JsonObject console(BridgeClient client, String action, JsonObject params) {
    return Await.result(client.request(ConsoleAddresses.NOTICES, params.copy().put("action", action)));
  }

  static String idOf(BridgeClient staff, String number) {
    return request(staff, "listRequests", new JsonObject()).getJsonArray("requests").stream().map(JsonObject.class::cast)
        .filter(r -> number.equals(r.getString("number"))).findFirst().orElseThrow().getString("id");
  }

  static boolean holdsBoth(List<JsonObject> pushed) {
    return pushed.stream().anyMatch(p -> noticeIn(p, topicListNotice) != null && noticeIn(p, resultNotice) != null);
  }

  static JsonObject noticeIn(JsonObject playlist, JsonObject notice) {
    return notice == null ? null : playlist.getJsonArray("notices", new JsonArray()).stream().map(JsonObject.class::cast)
        .filter(n -> n.getString("id").equals(notice.getString("id"))).findFirst().orElse(null);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** Every public GET route with data, and the URL that exercises it. */
  static Map<String, String> publicRoutes() {
    QrTokens tokens = server.app.tokens();
    String feedback = tokens.sign(QrTokens.Purpose.FEEDBACK, "000000000000000000003001", DemoData.BOARD_1);
    String join = tokens.sign(QrTokens.Purpose.JOIN, DemoData.ROOM_ID, DemoData.MEETING_ID);
    String report = tokens.sign(QrTokens.Purpose.REPORT, DemoData.GRID_IDS[0], DemoData.BOARD_1);
    Map<String, String> routes = new TreeMap<>();
    routes.put("/health", "/health");
    routes.put("/api/rooms", "/api/rooms");
    routes.put("/api/community/language", "/api/community/language");
    routes.put("/api/alerts", "/api/alerts");
    routes.put("/api/members.csv", "/api/members.csv");
    routes.put("/api/setup", "/api/setup");
    routes.put("/api/rounds/:token", "/api/rounds/" + statusToken);
    routes.put("/api/audit.csv", "/api/audit.csv");
    routes.put("/api/meetings/:id/invitations.csv", "/api/meetings/" + DemoData.MEETING_ID + "/invitations.csv");
    routes.put("/api/meetings/:id/minutes", "/api/meetings/" + DemoData.MEETING_ID + "/minutes");
    routes.put("/api/meetings/:id/minutes.docx", "/api/meetings/" + DemoData.MEETING_ID + "/minutes.docx");
    routes.put("/api/exports/:file", "/api/exports/requests.csv");
    routes.put("/metrics", "/metrics");
    routes.put("/api/feedback/:token", "/api/feedback/" + feedback);
    routes.put("/api/join/:token", "/api/join/" + join);
    routes.put("/api/join/status/:secret", "/api/join/status/000000000000000000000000.x");
    routes.put("/api/pairings/:secret", "/api/pairings/123456.x");
    routes.put("/api/requests/form/:token", "/api/requests/form/" + report);
    routes.put("/api/requests/status/:token", "/api/requests/status/" + statusToken);
    routes.put("/api/requests/:id/photo", "/api/requests/" + requestId + "/photo");
    routes.put("/media/:id", "/media/" + requestId);
    routes.put("/qr/:file", "/qr/" + statusToken + ".svg");
    routes.put("/open311/v2/services.json", "/open311/v2/services.json");
    routes.put("/open311/v2/requests.json", "/open311/v2/requests.json");
    routes.put("/open311/v2/requests/:number", "/open311/v2/requests/" + number + ".json");
    for (String page : List.of("/f/:token", "/j/:token", "/r/:token", "/p/:token", "/o/:token")) {
      routes.put(page, page.replace(":token", statusToken));
    }
    return routes;
  }

  /** The same routes again for the requests whose words hold personal data, and the phone pages of the two notices. */
  static List<String> morePublicUrls() {
    QrTokens tokens = server.app.tokens();
    List<String> urls = new ArrayList<>();
    for (JsonObject filed : List.of(topic, typed)) {
      urls.add("/api/requests/status/" + filed.getString("statusToken"));
      urls.add("/open311/v2/requests/" + filed.getString("number") + ".json");
    }
    urls.add("/open311/v2/requests.json?status=open");
    for (JsonObject notice : List.of(topicListNotice, resultNotice)) {
      urls.add("/api/feedback/" + tokens.sign(QrTokens.Purpose.FEEDBACK, notice.getString("id"), DemoData.BOARD_2));
    }
    return urls;
  }

  static void noPersonalData(String where, String body) {
    for (String secret : List.of(NAME_2, PHONE_2, ID_CARD, ROOM, NAME, PHONE, STAFF_NOTE,
        "\"resident\"", "\"photoId\"", "\"phone\"")) {
      assertFalse(body.contains(secret), where + " shows " + secret + ": " + body);
    }
  }

  /** What residents typed, beyond the personal data: never public either. */
  static void noResidentWords(String where, String body) {
    for (String words : List.of("楼上漏水", "楼道灯坏了", "井盖松动")) {
      assertFalse(body.contains(words), where + " shows what a resident wrote, " + words + ": " + body);
    }
  }

  @Test
  @DisplayName("no public route, walked from the router's own list, shows a resident's name, phone, ID card, room, words, photo or staff notes")
  void everyPublicRoute() throws Exception {
    Map<String, String> routes = publicRoutes();
    List<String> unlisted = new ArrayList<>();
    for (String path : server.app.web().getRoutes()) {
      boolean data = path.startsWith("/api/") || path.startsWith("/open311") || path.contains(":") || path.equals("/health")
          || path.equals("/metrics");
      if (data && !routes.containsKey(path)) {
        unlisted.add(path);
      }
    }
    assertEquals(List.of(), unlisted, "routes this test does not walk yet");
    int withBody = 0;
    List<String> urls = new ArrayList<>(routes.values());
    urls.addAll(morePublicUrls());
    for (String url : urls) {
      var response = Http.get(server.baseUrl() + url);
      noPersonalData(url, response.body());
      noResidentWords(url, response.body());
      withBody += response.statusCode() == 200 ? 1 : 0;
    }
    assertTrue(withBody >= 18, "most routes answered with content, not just refusals: " + withBody);
    JsonObject status = new JsonObject(Http.get(server.baseUrl() + "/api/requests/status/" + statusToken).body());
    assertEquals("CONSULTING", status.getJsonObject("request").getString("status"), "the status page itself works");
    assertEquals("楼院设施 · 第一网格 · 5号楼", status.getJsonObject("request").getString("publicTitle"));
    String open311 = Http.get(server.baseUrl() + "/open311/v2/requests.json").body();
    assertTrue(open311.contains(number) && open311.contains(TOPIC_TITLE), open311);
  }

  @Test
  @DisplayName("every frame sent to a board, the room display or a kiosk, with the topic list, the result notice and the progress lines, holds no resident's words")
  void displaysShowNoPersonalData() {
    List<JsonObject> frames = new ArrayList<>();
    frames.addAll(pushedToBoard);
    frames.addAll(pushedToBoard2);
    frames.addAll(pushedToRoom);
    frames.addAll(pushedToKiosk);
    frames.addAll(replies);
    assertTrue(heardTheTopic(pushedToRoom) && heardTheTopic(pushedToKiosk), "the room's pages heard of the topic's matter");
    frames.forEach(p -> {
      noPersonalData("a frame to a display or kiosk", p.encode());
      noResidentWords("a frame to a display or kiosk", p.encode());
    });
    JsonObject last = pushedToBoard.get(pushedToBoard.size() - 1);
    for (Object o : last.getJsonArray("progress")) {
      JsonObject line = (JsonObject) o;
      assertEquals(Set.of("number", "kind", "gridName", "title", "status", "updatedAt", "reopened"), line.fieldNames(),
          "a progress line names its fields: nothing else reaches a board");
    }
  }

  static boolean heardTheTopic(List<JsonObject> frames) {
    return frames.stream().map(f -> f.getJsonObject("meeting")).filter(m -> m != null)
        .anyMatch(m -> m.getJsonArray("agenda").stream().map(JsonObject.class::cast)
            .anyMatch(matter -> TOPIC_TITLE.equals(matter.getString("title"))));
  }

  @Test
  @DisplayName("the topic list, the result notice and the meeting's agenda name requests by their public titles")
  void noticesUsePublicTitles() {
    JsonObject list = noticeIn(pushedToBoard2.get(pushedToBoard2.size() - 1), topicListNotice);
    String body = list.getString("body");
    assertTrue(body.contains("\n- 【紧急】 " + TOPIC_TITLE + "（楼院设施 · 第一网格）\n"), body);
    assertTrue(body.contains("\n- 【一般】 安全隐患 · 第一网格\n"), body);
    assertTrue(body.contains("\n- 【一般】 楼院设施 · 第一网格 · 5号楼\n"), body);
    JsonObject result = noticeIn(pushedToBoard.get(pushedToBoard.size() - 1), resultNotice);
    assertEquals("议事结果公示：" + TOPIC_TITLE, result.getString("title"));
    JsonArray agenda = replies.get(2).getJsonObject("meeting").getJsonArray("agenda");
    assertEquals(TOPIC_TITLE, agenda.getJsonObject(agenda.size() - 1).getString("title"));
    JsonArray progress = pushedToBoard.get(pushedToBoard.size() - 1).getJsonArray("progress");
    assertTrue(progress.stream().map(JsonObject.class::cast).anyMatch(l -> TOPIC_TITLE.equals(l.getString("title"))), progress.encode());
  }
}
