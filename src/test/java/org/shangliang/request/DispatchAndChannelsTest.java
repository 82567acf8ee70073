package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.auth.Accounts;
import org.shangliang.common.AuditLog;
import org.shangliang.common.Identity;
import org.shangliang.qr.QrTokens;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests that came by phone, letter or in person, entered by staff; 支部派单 to a grid worker and
 * 网格接单 by that worker; and 办完即反's deadline — over the real bridge against the real store.
 */
class DispatchAndChannelsTest {
  static final String GRID_1 = DemoData.GRID_IDS[0];
  static final String GRID_2 = DemoData.GRID_IDS[1];
  static final long DAY = 86_400_000L;
  /** What a caller says runs long and names people and numbers; the console keeps it whole. */
  static final String LONG_WHAT = ("3号楼2单元楼道灯坏了一个多月，晚上老人下楼看不见路，已经有人摔倒；"
      + "物业电话 0571-88886666 打了三次没人管。<script>alert(1)</script> ").repeat(8).substring(0, 480);

  TestServer server;
  BridgeClient cadre;
  BridgeClient staff;
  BridgeClient grid;
  BridgeClient kiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    cadre = server.bridge(server.login("cadre"));
    staff = server.bridge(server.login("staff"));
    grid = server.bridge(server.login("grid"));
    kiosk = server.bridge(server.token("Kiosk 1"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static Future<JsonObject> cmd(BridgeClient client, String action, JsonObject params) {
    return client.request(RequestVerticle.COMMANDS, params.copy().put("action", action));
  }

  static JsonObject entry(String channel, String gridId) {
    return new JsonObject().put("channel", channel).put("kind", "楼院设施").put("what", LONG_WHAT).put("gridId", gridId)
        .put("building", "3号楼").put("name", "赵阿婆").put("phone", "13912345678");
  }

  /** Staff enter a request; answers its staff view. */
  JsonObject enter(BridgeClient who, String channel, String gridId) {
    return Await.result(cmd(who, "enterRequest", entry(channel, gridId))).getJsonObject("request");
  }

  JsonObject get(BridgeClient who, String id) {
    return Await.result(cmd(who, "getRequest", new JsonObject().put("id", id))).getJsonObject("request");
  }

  int stored() {
    return Await.result(server.app.db().mongo().count(RequestStore.REQUESTS, new JsonObject())).intValue();
  }

  BridgeClient gridWorker(String username, String name, String gridId) throws Exception {
    Await.result(server.app.accounts().save(username, name, Identity.Role.GRID_WORKER, "grid-worker-password", List.of(gridId)));
    return server.bridge(Http.login(server.baseUrl(), username, "grid-worker-password"));
  }

  static List<String> events(JsonObject request) {
    return request.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("event")).toList();
  }

  @Test
  @DisplayName("staff enter a request by 来电, 来信 and 来人: the channel, who entered it and when it came are stored and audited")
  void enterByEachChannel() {
    long receivedAt = System.currentTimeMillis() - 2 * DAY;
    JsonObject phone = Await.result(cmd(staff, "enterRequest", entry("PHONE", GRID_1).put("receivedAt", receivedAt)));
    assertTrue(phone.getString("number").matches("\\d{4}-\\d{4}"));
    assertNotNull(phone.getString("statusToken"), "staff can give the caller the status page");
    JsonObject request = phone.getJsonObject("request");
    assertEquals("PHONE", request.getString("channel"));
    assertEquals(receivedAt, request.getLong("receivedAt"));
    assertEquals("staff", request.getJsonObject("enteredBy").getString("id"));
    assertEquals(LONG_WHAT.strip(), request.getString("what"));
    assertEquals("NEW", request.getString("status"));
    JsonObject filed = request.getJsonArray("history").getJsonObject(0);
    assertEquals("FILE", filed.getString("event"));
    assertEquals("staff", filed.getJsonObject("by").getString("id"));
    assertEquals("PHONE", filed.getJsonObject("by").getString("channel"));

    assertEquals("LETTER", enter(cadre, "LETTER", GRID_2).getString("channel"));
    JsonObject visit = enter(grid, "VISIT", GRID_1);
    assertEquals("VISIT", get(staff, visit.getString("id")).getString("channel"));
    assertTrue(Math.abs(visit.getLong("receivedAt") - System.currentTimeMillis()) < 60_000, "received now when not given");

    List<JsonObject> audit = Await.result(server.app.db().mongo().find(AuditLog.COLLECTION,
        new JsonObject().put("area", "request").put("action", "enterRequest")));
    assertEquals(3, audit.size());
    JsonObject params = audit.stream().filter(a -> a.getJsonObject("actor").getString("id").equals("staff")).findFirst()
        .orElseThrow().getJsonObject("params");
    assertEquals(Set.of("requestId", "number", "channel", "gridId", "receivedAt"), params.fieldNames(),
        "the audit log names the request, never what the resident said or who they are");
  }

  @Test
  @DisplayName("a channel that is not 来电/来信/来人, a received time in the future or older than 30 days, a grid not one's own or a kiosk entering are refused and store nothing")
  void badEntriesRefused() {
    int before = stored();
    long now = System.currentTimeMillis();
    for (String channel : List.of("KIOSK", "WEB", "OPEN311", "EMAIL", "phone", "")) {
      Await.failure(cmd(staff, "enterRequest", entry(channel, GRID_1)), "BAD_REQUEST");
    }
    Await.failure(cmd(staff, "enterRequest", entry("PHONE", GRID_1).put("receivedAt", now + 3600_000L)),
        "RECEIVED_AT_OUT_OF_RANGE");
    Await.failure(cmd(staff, "enterRequest", entry("LETTER", GRID_1).put("receivedAt", now - 31 * DAY)),
        "RECEIVED_AT_OUT_OF_RANGE");
    Await.failure(cmd(staff, "enterRequest", entry("LETTER", GRID_1).put("receivedAt", "yesterday")), "BAD_REQUEST");
    Await.failure(cmd(staff, "enterRequest", entry("VISIT", GRID_1).put("photoId", "0123456789abcdef01234567")), "BAD_REQUEST");
    Await.failure(cmd(grid, "enterRequest", entry("PHONE", GRID_2)), "FORBIDDEN");
    Await.failure(cmd(kiosk, "enterRequest", entry("VISIT", GRID_1)), "FORBIDDEN");
    assertEquals(before, stored());
    enter(staff, "LETTER", GRID_1);
    Await.result(cmd(staff, "enterRequest", entry("LETTER", GRID_1).put("receivedAt", now - 29 * DAY)));
    assertEquals(before + 2, stored());
  }

  @Test
  @DisplayName("kiosk and phone-page filings are KIOSK and WEB; a phone-page request stored as PHONE before staff entry existed still reads as WEB")
  void residentChannels() throws Exception {
    String kioskNumber = Await.result(cmd(kiosk, "fileRequest", new JsonObject().put("kind", "环境卫生").put("what", "垃圾桶满了")
        .put("gridId", GRID_1))).getString("number");
    String token = server.app.tokens().sign(QrTokens.Purpose.REPORT, GRID_1, DemoData.BOARD_1);
    var response = Http.post(server.baseUrl() + "/api/requests", new JsonObject().put("token", token).put("kind", "安全隐患")
        .put("what", "井盖松动").put("gridId", GRID_1).encode(), null);
    assertEquals(201, response.statusCode(), response.body());
    String webNumber = new JsonObject(response.body()).getString("number");
    JsonArray list = Await.result(cmd(staff, "listRequests", new JsonObject())).getJsonArray("requests");
    JsonObject byKiosk = find(list, kioskNumber);
    JsonObject byWeb = find(list, webNumber);
    assertEquals("KIOSK", byKiosk.getString("channel"));
    assertEquals("WEB", byWeb.getString("channel"));
    assertEquals("WEB", Await.result(server.app.db().mongo().findOne(RequestStore.REQUESTS,
        new JsonObject().put("number", webNumber), null)).getString("channel"), "stored as WEB from now on");

    Await.result(server.app.db().mongo().updateCollection(RequestStore.REQUESTS, new JsonObject().put("number", webNumber),
        new JsonObject().put("$set", new JsonObject().put("channel", "PHONE"))));
    assertEquals("WEB", get(staff, byWeb.getString("id")).getString("channel"), "an old phone-page request");
    JsonObject called = enter(staff, "PHONE", GRID_1);
    assertEquals("PHONE", get(staff, called.getString("id")).getString("channel"), "a call entered by staff stays 来电");
  }

  static JsonObject find(JsonArray list, String number) {
    return list.stream().map(o -> (JsonObject) o).filter(r -> number.equals(r.getString("number"))).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("支部派单 goes only to an active grid worker of the request's grid, and never from a grid worker; a refusal changes nothing")
  void dispatchRefusals() throws Exception {
    String id = enter(staff, "PHONE", GRID_1).getString("id");
    Await.result(gridWorker("wang", "王网格员", GRID_2).close());
    Await.failure(cmd(cadre, "dispatchRequest", new JsonObject().put("id", id).put("toAccount", "wang")), "GRID_WORKER_OTHER_GRID");
    Await.failure(cmd(cadre, "dispatchRequest", new JsonObject().put("id", id).put("toAccount", "staff")), "NOT_A_GRID_WORKER");
    Await.failure(cmd(cadre, "dispatchRequest", new JsonObject().put("id", id).put("toAccount", "nobody")), "NOT_A_GRID_WORKER");
    Await.result(gridWorker("zhao", "赵网格员", GRID_1).close());
    Await.result(server.app.db().mongo().updateCollection(Accounts.COLLECTION, new JsonObject().put("_id", "zhao"),
        new JsonObject().put("$set", new JsonObject().put("disabled", true))));
    Await.failure(cmd(cadre, "dispatchRequest", new JsonObject().put("id", id).put("toAccount", "zhao")), "NOT_A_GRID_WORKER");
    Await.failure(cmd(grid, "dispatchRequest", new JsonObject().put("id", id).put("toAccount", "grid")), "FORBIDDEN");
    Await.failure(cmd(kiosk, "dispatchRequest", new JsonObject().put("id", id).put("toAccount", "grid")), "FORBIDDEN");
    JsonObject unchanged = get(staff, id);
    assertEquals("NEW", unchanged.getString("status"));
    assertEquals(List.of("FILE"), events(unchanged));
    assertNull(unchanged.getJsonObject("dispatchedTo"));
  }

  @Test
  @DisplayName("after 支部派单 only the grid worker it went to (or community staff) takes it; 派给我的 lists it; the history and audit log keep both steps")
  void dispatchThenTake() throws Exception {
    BridgeClient zhao = gridWorker("zhao", "赵网格员", GRID_1);
    String id = enter(staff, "VISIT", GRID_1).getString("id");
    JsonObject dispatched = Await.result(cmd(cadre, "dispatchRequest", new JsonObject().put("id", id).put("toAccount", "grid")))
        .getJsonObject("request");
    assertEquals("DISPATCHED", dispatched.getString("status"));
    assertEquals(new JsonObject().put("id", "grid").put("name", "李网格员"), dispatched.getJsonObject("dispatchedTo"));

    assertEquals(List.of(id), ids(Await.result(cmd(grid, "listRequests", new JsonObject().put("dispatchedToMe", true)))));
    assertEquals(List.of(), ids(Await.result(cmd(zhao, "listRequests", new JsonObject().put("dispatchedToMe", true)))));
    assertTrue(ids(Await.result(cmd(zhao, "listRequests", new JsonObject().put("status", "DISPATCHED")))).contains(id),
        "a colleague of the grid still sees it");

    var refused = Await.failure(cmd(zhao, "takeRequest", new JsonObject().put("id", id)), "DISPATCHED_TO_OTHER");
    assertTrue(refused.getMessage().contains("李网格员"), refused.getMessage());
    assertEquals("DISPATCHED", get(staff, id).getString("status"));
    JsonObject taken = Await.result(cmd(grid, "takeRequest", new JsonObject().put("id", id))).getJsonObject("request");
    assertEquals("CONSULTING", taken.getString("status"));
    assertEquals("grid", taken.getJsonObject("handler").getString("id"));

    JsonArray history = get(staff, id).getJsonArray("history");
    assertEquals(List.of("FILE", "DISPATCH", "TAKE"), events(get(staff, id)));
    JsonObject dispatch = history.getJsonObject(1);
    assertEquals("NEW", dispatch.getString("from"));
    assertEquals("DISPATCHED", dispatch.getString("to"));
    assertEquals("cadre", dispatch.getJsonObject("by").getString("id"));
    assertEquals("grid", dispatch.getJsonObject("details").getString("toAccount"));
    assertEquals("李网格员", dispatch.getJsonObject("details").getString("workerName"));
    JsonObject take = history.getJsonObject(2);
    assertEquals("DISPATCHED", take.getString("from"));
    assertEquals("CONSULTING", take.getString("to"));
    assertEquals("grid", take.getJsonObject("by").getString("id"));
    assertEquals(1, Await.result(server.app.db().mongo().count(AuditLog.COLLECTION, new JsonObject().put("area", "request")
        .put("action", "DISPATCH").put("params.requestId", id).put("params.toAccount", "grid").put("actor.id", "cadre"))));
    assertEquals(1, Await.result(server.app.db().mongo().count(AuditLog.COLLECTION, new JsonObject().put("area", "request")
        .put("action", "TAKE").put("params.requestId", id).put("params.from", "DISPATCHED").put("actor.id", "grid"))));
    Await.failure(cmd(cadre, "dispatchRequest", new JsonObject().put("id", id).put("toAccount", "zhao")), "TRANSITION_NOT_ALLOWED");

    String second = enter(staff, "PHONE", GRID_1).getString("id");
    Await.result(cmd(cadre, "dispatchRequest", new JsonObject().put("id", second).put("toAccount", "zhao")));
    JsonObject redispatched = Await.result(cmd(cadre, "dispatchRequest", new JsonObject().put("id", second).put("toAccount", "grid")))
        .getJsonObject("request");
    assertEquals(2, redispatched.getJsonArray("dispatches").size(), "a second dispatch is added, the first kept");
    Await.failure(cmd(zhao, "takeRequest", new JsonObject().put("id", second)), "DISPATCHED_TO_OTHER");
    assertEquals("CONSULTING", Await.result(cmd(staff, "takeRequest", new JsonObject().put("id", second)))
        .getJsonObject("request").getString("status"), "community staff may still take it");
  }

  @Test
  @DisplayName("gridWorkers answers the active grid workers of a grid by username and name only, within a grid worker's own grids")
  void gridWorkersOfAGrid() throws Exception {
    Await.result(gridWorker("zhao", "赵网格员", GRID_1).close());
    Await.result(gridWorker("wang", "王网格员", GRID_2).close());
    Await.result(gridWorker("qian", "钱网格员", GRID_1).close());
    Await.result(server.app.db().mongo().updateCollection(Accounts.COLLECTION, new JsonObject().put("_id", "qian"),
        new JsonObject().put("$set", new JsonObject().put("disabled", true))));
    JsonArray workers = Await.result(cmd(cadre, "gridWorkers", new JsonObject().put("gridId", GRID_1))).getJsonArray("workers");
    assertEquals(List.of("grid", "zhao"), workers.stream().map(w -> ((JsonObject) w).getString("username")).sorted().toList());
    workers.forEach(w -> assertEquals(Set.of("username", "name"), ((JsonObject) w).fieldNames()));
    assertEquals(List.of("wang"), Await.result(cmd(staff, "gridWorkers", new JsonObject().put("gridId", GRID_2)))
        .getJsonArray("workers").stream().map(w -> ((JsonObject) w).getString("username")).toList());
    Await.failure(cmd(grid, "gridWorkers", new JsonObject().put("gridId", GRID_2)), "FORBIDDEN");
    Await.failure(cmd(kiosk, "gridWorkers", new JsonObject().put("gridId", GRID_1)), "FORBIDDEN");
  }

  /** Takes a request through to 办结 as staff; answers it. */
  JsonObject complete(String id) {
    Await.result(cmd(staff, "takeRequest", new JsonObject().put("id", id)));
    Await.result(cmd(staff, "agreeRequest", new JsonObject().put("id", id).put("task", "更换楼道灯").put("responsible", "物业")
        .put("dueAt", System.currentTimeMillis() + 3 * DAY).put("residentConfirmedBy", "赵阿婆")));
    return Await.result(cmd(staff, "completeRequest", new JsonObject().put("id", id).put("note", "已更换")))
        .getJsonObject("request");
  }

  /** Moves a request's completion back to {@code at}, as if it had been done then. */
  void doneAt(String id, long at) {
    JsonObject doc = Await.result(server.app.db().mongo().findOne(RequestStore.REQUESTS, new JsonObject().put("_id", id), null));
    doc.getJsonArray("completions").getJsonObject(0).put("at", at);
    Await.result(server.app.db().mongo().save(RequestStore.REQUESTS, doc));
  }

  @Test
  @DisplayName("办完即反: a done request shows when the resident must be told; overdue and due-soon lists are grid-scoped and end once told")
  void informDeadlines() {
    String own = enter(staff, "PHONE", GRID_1).getString("id");
    String other = enter(staff, "LETTER", GRID_2).getString("id");
    String soon = enter(staff, "VISIT", GRID_1).getString("id");
    JsonObject done = complete(own);
    long completedAt = done.getJsonArray("completions").getJsonObject(0).getLong("at");
    assertEquals(InformDeadline.dueAt(completedAt, 3, InformDeadlineTest.ZONE), done.getLong("informDueAt"), "in the step's reply");
    assertEquals(done.getLong("informDueAt"), get(grid, own).getLong("informDueAt"));
    complete(other);
    complete(soon);

    long now = System.currentTimeMillis();
    doneAt(own, now - 10 * DAY);
    doneAt(other, now - 10 * DAY);
    long soonDoneAt = dueSoon(now);
    doneAt(soon, soonDoneAt);

    JsonObject forStaff = Await.result(cmd(staff, "informsDue", new JsonObject()));
    assertEquals(Set.of(own, other), Set.copyOf(ids(forStaff.getJsonArray("overdue"))));
    assertEquals(List.of(soon), ids(forStaff.getJsonArray("due")));
    assertEquals(3, forStaff.getInteger("workingDays"));
    JsonObject line = forStaff.getJsonArray("due").getJsonObject(0);
    assertEquals(InformDeadline.dueAt(soonDoneAt, 3, InformDeadlineTest.ZONE), line.getLong("informDueAt"));
    assertEquals("VISIT", line.getString("channel"));
    JsonObject forGrid = Await.result(cmd(grid, "informsDue", new JsonObject()));
    assertEquals(List.of(own), ids(forGrid.getJsonArray("overdue")), "a grid worker sees their own grid's only");

    JsonObject told = Await.result(cmd(grid, "informRequest", new JsonObject().put("id", own).put("via", "PHONE")))
        .getJsonObject("request");
    assertNull(told.getLong("informDueAt"), "once told, no deadline");
    assertEquals(List.of(), ids(Await.result(cmd(grid, "informsDue", new JsonObject())).getJsonArray("overdue")));
  }

  /** A completion time whose deadline falls within the due-soon window from now (there is one within a week back). */
  static long dueSoon(long now) {
    for (int days = 1; days <= 10; days++) {
      long at = now - days * DAY;
      long due = InformDeadline.dueAt(at, 3, InformDeadlineTest.ZONE);
      if (due > now && due <= now + RequestReports.DUE_SOON_MS) {
        return at;
      }
    }
    throw new AssertionError("no completion day found");
  }

  static List<String> ids(JsonObject reply) {
    return ids(reply.getJsonArray("requests"));
  }

  static List<String> ids(JsonArray list) {
    return list.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }
}
