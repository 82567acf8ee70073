package org.shangliang.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.auth.Identity;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

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
    Await.failure(cmd(gridWorker, REQUESTS, "saveRequestKinds", new JsonObject().put("kinds", new JsonArray().add("其他"))),
        "FORBIDDEN");
  }

  @Test
  @DisplayName("a grid worker posts to and manages their own grid's boards only")
  void boardsOfOwnGridOnly() {
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

    String own = Await.result(cmd(gridWorker, NOTICES, "saveNotice",
        notice(new JsonObject().put("grids", new JsonArray().add(GRID_1)), now))).getJsonObject("notice").getString("id");
    assertEquals("PUBLISHED", Await.result(cmd(gridWorker, NOTICES, "publishNotice", new JsonObject().put("id", own)))
        .getJsonObject("notice").getString("state"));
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
        new JsonObject().put("action", "followUpRequest").put("note", "跟进"));
  }

  String file(String gridId, String what) {
    JsonObject filed = Await.result(cmd(kiosk, REQUESTS, "fileRequest", new JsonObject().put("kind", "环境卫生")
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
