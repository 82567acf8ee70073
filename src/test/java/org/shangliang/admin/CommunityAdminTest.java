package org.shangliang.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.notice.SignageAddresses;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator sets up the community through community.cmd on a real server: grids, rooms,
 * the community itself, and kiosks and displays paired by the code their screens show over the
 * real HTTP pairing routes, then renamed, moved and revoked.
 */
class CommunityAdminTest {
  static final String WANG = "00000000000000000000d008";
  static final String KIOSK_1 = "00000000000000000000e001";
  static final String KIOSK_2 = "00000000000000000000e002";
  /** A name as people really write them: long, with spaces and markup-like characters. */
  static final String LONG_NAME = "东门 <b>老年活动中心</b> 二楼 & 议事室（临时）";

  TestServer server;
  BridgeClient admin;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    admin = server.bridge(server.login("admin"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static Future<JsonObject> send(BridgeClient client, String action, JsonObject params) {
    return client.request(ConsoleAddresses.COMMUNITY, params.copy().put("action", action));
  }

  JsonObject admin(String action, JsonObject params) {
    return Await.result(send(admin, action, params));
  }

  static Future<JsonObject> room(BridgeClient client, String action, String roomId) {
    return client.request(RoomAddresses.COMMANDS, new JsonObject().put("action", action).put("roomId", roomId));
  }

  MongoClient mongo() {
    return server.app.db().mongo();
  }

  static JsonObject body(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  /** A screen asks for a code as the pairing page does; answers {code, secret}. */
  JsonObject screenWaits() throws Exception {
    return body(Http.post(server.baseUrl() + "/api/pairings", "{}", null), 201);
  }

  /** What the waiting screen collects. */
  JsonObject collect(JsonObject pairing) throws Exception {
    return body(Http.get(server.baseUrl() + "/api/pairings/" + pairing.getString("secret")), 200);
  }

  JsonObject device(String id) {
    return admin("listDevices", new JsonObject()).getJsonArray("devices").stream().map(JsonObject.class::cast)
        .filter(d -> id.equals(d.getString("id"))).findFirst().orElseThrow();
  }

  String newRoom(String name) {
    return admin("saveRoom", new JsonObject().put("name", name)).getJsonObject("room").getString("id");
  }

  long audited(String action) {
    return Await.result(mongo().count("audit", new JsonObject().put("area", "community").put("action", action)
        .put("actor.id", "admin")));
  }

  @Test
  @DisplayName("an administrator creates and renames grids and rooms; names stay unique, and a new room has no meeting")
  void gridsAndRooms() throws Exception {
    JsonObject grid = admin("saveGrid", new JsonObject().put("name", "第四网格")).getJsonObject("grid");
    assertEquals("第四网格", grid.getString("name"));
    Await.failure(send(admin, "saveGrid", new JsonObject().put("name", "第一网格")), "NAME_TAKEN");
    Await.failure(send(admin, "saveGrid", new JsonObject().put("id", grid.getString("id")).put("name", "第二网格")),
        "NAME_TAKEN");
    admin("saveGrid", new JsonObject().put("id", grid.getString("id")).put("name", "  " + LONG_NAME + " "));
    Await.failure(send(admin, "saveGrid", new JsonObject().put("id", "0000000000000000000fffff").put("name", "无")),
        "NOT_FOUND");
    Await.failure(send(admin, "saveGrid", new JsonObject().put("name", "x".repeat(41))), "BAD_REQUEST");
    Await.failure(send(admin, "saveGrid", new JsonObject().put("name", "   ")), "BAD_REQUEST");
    JsonArray grids = admin("listGrids", new JsonObject()).getJsonArray("grids");
    assertEquals(4, grids.size());
    assertTrue(grids.stream().map(JsonObject.class::cast).anyMatch(g -> LONG_NAME.equals(g.getString("name"))),
        "the name is kept as written, without the spaces around it: " + grids);

    String roomId = newRoom("第二议事室");
    Await.failure(send(admin, "saveRoom", new JsonObject().put("name", "有事好商量协商议事室")), "NAME_TAKEN");
    JsonArray rooms = admin("listRooms", new JsonObject()).getJsonArray("rooms");
    assertEquals(2, rooms.size());
    JsonObject created = rooms.stream().map(JsonObject.class::cast).filter(r -> roomId.equals(r.getString("id")))
        .findFirst().orElseThrow();
    assertNull(created.getString("meetingId"), "a new room has no meeting yet");
    JsonObject snapshot = Await.result(room(server.bridge(server.login("cadre")), "snapshot", roomId));
    assertEquals("第二议事室", snapshot.getJsonObject("room").getString("name"));
    assertNull(snapshot.getValue("meeting"));
    assertEquals(2, audited("saveGrid"));
    assertEquals(1, audited("saveRoom"));
  }

  @Test
  @DisplayName("the community's name, street and time zone are saved; an unknown time zone is refused and changes nothing")
  void community() {
    assertEquals("Asia/Shanghai", admin("getCommunity", new JsonObject()).getString("timeZone"));
    JsonObject saved = admin("saveCommunity", new JsonObject().put("name", "仓后街社区").put("street", "某某街道")
        .put("timeZone", "Asia/Urumqi")).getJsonObject("community");
    assertEquals("Asia/Urumqi", saved.getString("timeZone"));
    for (String zone : new String[] {"Mars/Olympus", "+08:00", "asia/shanghai", ""}) {
      Await.failure(send(admin, "saveCommunity", new JsonObject().put("name", "别的社区").put("timeZone", zone)),
          zone.isEmpty() ? "BAD_REQUEST" : "TIME_ZONE_UNKNOWN");
    }
    Await.failure(send(admin, "saveCommunity", new JsonObject().put("name", "别的社区").put("timeZone", "Asia/Shanghai")
        .put("admin", true)), "BAD_REQUEST");
    JsonObject kept = admin("getCommunity", new JsonObject());
    assertEquals("仓后街社区", kept.getString("name"));
    assertEquals("某某街道", kept.getString("street"));
    assertEquals("Asia/Urumqi", kept.getString("timeZone"));
    assertEquals(1, audited("saveCommunity"));
  }

  @Test
  @DisplayName("only an administrator changes the community; staff read it, a kiosk may not, a page without a token must sign in")
  void onlyAdministratorsChange() throws Exception {
    BridgeClient staff = server.bridge(server.login("staff"));
    BridgeClient cadre = server.bridge(server.login("cadre"));
    assertEquals(3, Await.result(send(staff, "listGrids", new JsonObject())).getJsonArray("grids").size());
    assertFalse(Await.result(send(staff, "listDevices", new JsonObject())).getJsonArray("devices").isEmpty());
    JsonObject pairing = screenWaits();
    for (BridgeClient notAdmin : List.of(staff, cadre)) {
      Await.failure(send(notAdmin, "saveGrid", new JsonObject().put("name", "第五网格")), "FORBIDDEN");
      Await.failure(send(notAdmin, "saveRoom", new JsonObject().put("name", "小议事室")), "FORBIDDEN");
      Await.failure(send(notAdmin, "saveCommunity", new JsonObject().put("name", "x").put("timeZone", "Asia/Shanghai")),
          "FORBIDDEN");
      Await.failure(send(notAdmin, "pairDevice", new JsonObject().put("code", pairing.getString("code"))
          .put("kind", "kiosk").put("name", "4号终端").put("roomId", DemoData.ROOM_ID)), "FORBIDDEN");
      Await.failure(send(notAdmin, "renameDevice", new JsonObject().put("id", KIOSK_1).put("name", "改")), "FORBIDDEN");
      Await.failure(send(notAdmin, "moveDevice", new JsonObject().put("id", DemoData.BOARD_1)
          .put("gridId", DemoData.GRID_IDS[2])), "FORBIDDEN");
      Await.failure(send(notAdmin, "revokeDevice", new JsonObject().put("id", KIOSK_1)), "FORBIDDEN");
    }
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    Await.failure(send(kiosk, "listDevices", new JsonObject()), "FORBIDDEN");
    Await.failure(send(server.bridge(null), "listGrids", new JsonObject()), "UNAUTHENTICATED");

    assertEquals("WAITING", collect(pairing).getString("state"), "the screen still waits");
    assertEquals(3, admin("listGrids", new JsonObject()).getJsonArray("grids").size());
    assertEquals("1号终端", device(KIOSK_1).getString("name"));
    assertFalse(device(KIOSK_1).getBoolean("revoked"));
    assertEquals(DemoData.ROOM_ID, Await.result(room(kiosk, "snapshot", DemoData.ROOM_ID)).getJsonObject("room").getString("id"));
  }

  @Test
  @DisplayName("a kiosk and a room display paired by code collect their token and page, and act in their own room only")
  void pairKioskAndRoomDisplay() throws Exception {
    String roomId = newRoom(LONG_NAME);
    JsonObject kioskScreen = screenWaits();
    assertEquals("WAITING", collect(kioskScreen).getString("state"));
    Await.failure(send(admin, "pairDevice", new JsonObject().put("code", kioskScreen.getString("code")).put("kind", "kiosk")
        .put("name", "4号终端").put("gridId", DemoData.GRID_IDS[0])), "BAD_REQUEST");
    Await.failure(send(admin, "pairDevice", new JsonObject().put("code", kioskScreen.getString("code")).put("kind", "kiosk")
        .put("name", "4号终端").put("roomId", "0000000000000000000fffff")), "NOT_FOUND");
    JsonObject kiosk = admin("pairDevice", new JsonObject().put("code", kioskScreen.getString("code")).put("kind", "kiosk")
        .put("name", "4号终端").put("roomId", DemoData.ROOM_ID).put("shared", true)).getJsonObject("device");
    assertEquals("kiosk", kiosk.getString("kind"));
    assertEquals("有事好商量协商议事室", kiosk.getString("roomName"));
    assertTrue(kiosk.getBoolean("shared"));
    Await.failure(send(admin, "pairDevice", new JsonObject().put("code", kioskScreen.getString("code")).put("kind", "kiosk")
        .put("name", "5号终端").put("roomId", DemoData.ROOM_ID)), "PAIRING_UNKNOWN");

    JsonObject collected = collect(kioskScreen);
    assertEquals("PAIRED", collected.getString("state"));
    String kioskToken = collected.getString("token");
    assertEquals("/kiosk/?token=" + kioskToken, collected.getString("url"));
    assertEquals(200, Http.get(server.baseUrl() + collected.getString("url")).statusCode());
    BridgeClient kioskBus = server.bridge(kioskToken);
    JsonObject hello = Await.result(kioskBus.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "hello")))
        .getJsonObject("identity");
    assertEquals("kiosk", hello.getString("deviceKind"));
    assertEquals(DemoData.ROOM_ID, hello.getString("roomId"));
    assertTrue(hello.getBoolean("shared"));
    assertEquals(DemoData.ROOM_ID, Await.result(room(kioskBus, "snapshot", DemoData.ROOM_ID)).getJsonObject("room")
        .getString("id"));
    Await.failure(room(kioskBus, "snapshot", roomId), "FORBIDDEN");

    JsonObject displayScreen = screenWaits();
    admin("pairDevice", new JsonObject().put("code", displayScreen.getString("code")).put("kind", "roomDisplay")
        .put("name", "二号大屏").put("roomId", roomId));
    JsonObject display = collect(displayScreen);
    assertEquals("/display/?room=" + roomId + "&token=" + display.getString("token"), display.getString("url"));
    BridgeClient displayBus = server.bridge(display.getString("token"));
    assertEquals(LONG_NAME, Await.result(room(displayBus, "snapshot", roomId)).getJsonObject("room").getString("name"));
    Await.failure(room(displayBus, "snapshot", DemoData.ROOM_ID), "FORBIDDEN");
    Await.failure(displayBus.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "checkIn")
        .put("roomId", roomId).put("attendeeId", WANG)), "FORBIDDEN");

    JsonObject listed = device(display.getString("deviceId"));
    assertEquals("roomDisplay", listed.getString("kind"));
    assertEquals(LONG_NAME, listed.getString("roomName"));
    assertEquals(2, audited("pairDevice"));
  }

  @Test
  @DisplayName("a moved kiosk keeps its token, its open socket is closed, and from then on it acts in its new room only")
  void moveKiosk() throws Exception {
    String roomId = newRoom("第二议事室");
    BridgeClient kiosk = server.bridge(server.token("Kiosk 2"));
    Await.result(room(kiosk, "snapshot", DemoData.ROOM_ID));
    Await.failure(send(admin, "moveDevice", new JsonObject().put("id", KIOSK_2).put("gridId", DemoData.GRID_IDS[0])),
        "BAD_REQUEST");
    admin("renameDevice", new JsonObject().put("id", KIOSK_2).put("name", "2号终端（窗边）"));
    JsonObject moved = admin("moveDevice", new JsonObject().put("id", KIOSK_2).put("roomId", roomId)).getJsonObject("device");
    assertEquals("第二议事室", moved.getString("roomName"));
    assertEquals("2号终端（窗边）", moved.getString("name"));
    Await.until("the kiosk's open socket is closed", 2000, kiosk::isClosed);

    BridgeClient again = server.bridge(server.token("Kiosk 2"));
    JsonObject hello = Await.result(again.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "hello")))
        .getJsonObject("identity");
    assertEquals(roomId, hello.getString("roomId"));
    assertEquals("2号终端（窗边）", hello.getString("name"));
    assertEquals(roomId, Await.result(room(again, "snapshot", roomId)).getJsonObject("room").getString("id"));
    Await.failure(room(again, "snapshot", DemoData.ROOM_ID), "FORBIDDEN");
    Await.failure(again.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "checkIn")
        .put("roomId", DemoData.ROOM_ID).put("attendeeId", WANG)), "FORBIDDEN");
    assertEquals(1, audited("moveDevice"));
    assertEquals(1, audited("renameDevice"));

    // a kiosk someone is checked in on stays with their meeting
    BridgeClient host = server.bridge(server.login("cadre"));
    Await.result(room(host, "openMeeting", DemoData.ROOM_ID));
    BridgeClient kiosk1 = server.bridge(server.token("Kiosk 1"));
    Await.result(kiosk1.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "checkIn")
        .put("roomId", DemoData.ROOM_ID).put("attendeeId", WANG)));
    Await.failure(send(admin, "moveDevice", new JsonObject().put("id", KIOSK_1).put("roomId", roomId)), "DEVICE_IN_USE");
    assertEquals(DemoData.ROOM_ID, device(KIOSK_1).getString("roomId"));
  }

  @Test
  @DisplayName("a board moved to another grid shows that grid's notices at once and no longer the old grid's")
  void moveBoard() throws Exception {
    BridgeClient board = server.bridge(server.token("Notice board 1"));
    List<JsonObject> pushed = new CopyOnWriteArrayList<>();
    board.register(SignageAddresses.display(DemoData.BOARD_1), pushed::add);
    JsonObject before = Await.result(board.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "playlist")));
    assertEquals(2, before.getJsonArray("notices").size(), "one notice for everywhere, one for the first grid");
    Await.failure(send(admin, "moveDevice", new JsonObject().put("id", DemoData.BOARD_1).put("roomId", DemoData.ROOM_ID)),
        "BAD_REQUEST");
    admin("moveDevice", new JsonObject().put("id", DemoData.BOARD_1).put("gridId", DemoData.GRID_IDS[2]));
    JsonObject after = Await.result(board.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "playlist")));
    assertEquals(DemoData.GRID_IDS[2], after.getJsonObject("grid").getString("id"));
    assertEquals(1, after.getJsonArray("notices").size(), "only the notice for everywhere");
    assertFalse(board.isClosed(), "a board's identity names no grid: its socket stays");
    Await.until("the board is sent its new playlist", 5000, () -> pushed.stream()
        .anyMatch(p -> p.getJsonObject("grid") != null && DemoData.GRID_IDS[2].equals(p.getJsonObject("grid").getString("id"))));
  }

  @Test
  @DisplayName("a revoked kiosk's open socket is closed, its token refused everywhere, and it can be neither renamed nor moved")
  void revokeKiosk() throws Exception {
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    Await.result(room(kiosk, "snapshot", DemoData.ROOM_ID));
    JsonObject revoked = admin("revokeDevice", new JsonObject().put("id", KIOSK_1)).getJsonObject("device");
    assertTrue(revoked.getBoolean("revoked"));
    Await.until("the kiosk's open socket is closed", 2000, kiosk::isClosed);

    BridgeClient again = server.bridge(server.token("Kiosk 1"));
    JsonObject hello = Await.result(again.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "hello")));
    assertEquals("anonymous", hello.getJsonObject("identity").getString("type"));
    Await.failure(room(again, "snapshot", DemoData.ROOM_ID), "UNAUTHENTICATED");
    assertEquals(0L, Await.result(mongo().count("credentials", new JsonObject().put("identity.id", KIOSK_1))));
    assertTrue(device(KIOSK_1).getBoolean("revoked"));
    Await.failure(send(admin, "renameDevice", new JsonObject().put("id", KIOSK_1).put("name", "复用")), "DEVICE_REVOKED");
    Await.failure(send(admin, "moveDevice", new JsonObject().put("id", KIOSK_1).put("roomId", DemoData.ROOM_ID)),
        "DEVICE_REVOKED");
    assertEquals(1, audited("revokeDevice"));
    // another kiosk is untouched
    Await.result(room(server.bridge(server.token("Kiosk 2")), "snapshot", DemoData.ROOM_ID));
  }
}
