package org.shangliang.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.auth.SignIns;
import org.shangliang.common.AuditLog;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Administration of accounts and the audit log over the real bridge and HTTP: what an
 * administrator does on {@code admin.cmd}, what it changes at sign-in, and who may do it.
 */
class AccountsAdminTest {
  static final String ADMIN = "admin.cmd";
  static final String GRID_1 = DemoData.GRID_IDS[0];
  static final String GRID_2 = DemoData.GRID_IDS[1];
  static final String NEW_PASSWORD = "我的新密码-2025-long";
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  TestServer server;
  BridgeClient admin;
  final List<BridgeClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    admin = bridge(server.login("admin"));
  }

  @AfterEach
  void stop() throws Exception {
    for (BridgeClient client : clients) {
      Await.result(client.close());
    }
    server.close();
  }

  /**
   * A session ended by the server: its open socket is closed at once, and its token, sent again on
   * a new socket, is refused.
   */
  void sessionEnded(BridgeClient client) throws InterruptedException {
    Await.until("the session's open socket is closed", 2000, client::isClosed);
    Await.failure(overview(bridge(client.token())), "UNAUTHENTICATED");
  }

  BridgeClient bridge(String token) {
    BridgeClient client = server.bridge(token);
    clients.add(client);
    return client;
  }

  static Future<JsonObject> admin(BridgeClient client, String action, JsonObject params) {
    return client.request(ADMIN, params.copy().put("action", action));
  }

  static JsonObject account(String username, String name, String role, String... gridIds) {
    return new JsonObject().put("username", username).put("name", name).put("role", role)
        .put("gridIds", new JsonArray(List.of(gridIds)));
  }

  static JsonObject user(String username) {
    return new JsonObject().put("username", username);
  }

  /** An account created by the administrator: its temporary password. */
  String create(String username, String name, String role, String... gridIds) {
    return Await.result(admin(admin, "createAccount", account(username, name, role, gridIds))).getString("temporaryPassword");
  }

  HttpResponse<String> login(String username, String password, String newPassword) throws Exception {
    JsonObject body = new JsonObject().put("username", username).put("password", password);
    if (newPassword != null) {
      body.put("newPassword", newPassword);
    }
    return Http.post(server.baseUrl() + "/api/login", body.encode(), null);
  }

  static String code(HttpResponse<String> response) {
    return new JsonObject(response.body()).getString("code");
  }

  /** Created, then signed in once with its own password: a session token. */
  String signedIn(String username, String role, String... gridIds) throws Exception {
    String temporary = create(username, "账号" + username, role, gridIds);
    HttpResponse<String> first = login(username, temporary, NEW_PASSWORD);
    assertEquals(200, first.statusCode(), first.body());
    return new JsonObject(first.body()).getString("token");
  }

  JsonObject listed(String username) {
    JsonArray accounts = Await.result(admin(admin, "listAccounts", new JsonObject())).getJsonArray("accounts");
    return accounts.stream().map(JsonObject.class::cast).filter(a -> username.equals(a.getString("username")))
        .findFirst().orElse(null);
  }

  static Future<JsonObject> overview(BridgeClient client) {
    return client.request("console.cmd", new JsonObject().put("action", "overview"));
  }

  @Test
  @DisplayName("a new account's temporary password is refused with PASSWORD_CHANGE_REQUIRED until a new one is set in the same sign-in; then only the new one works")
  void firstSignInSetsOwnPassword() throws Exception {
    JsonObject created = Await.result(admin(admin, "createAccount", account("zhang.wei", "张伟（社区）", "cadre")));
    String temporary = created.getString("temporaryPassword");
    assertTrue(temporary.matches("[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}"), temporary);
    assertEquals("cadre", created.getJsonObject("account").getString("role"));
    assertTrue(created.getJsonObject("account").getBoolean("mustChangePassword"));
    String listing = Await.result(admin(admin, "listAccounts", new JsonObject())).encode();
    assertFalse(listing.contains("pbkdf2") || listing.contains("passwordHash"), "no hashes listed");
    assertTrue(listed("admin").getBoolean("demo"), "demo accounts are listed and marked");

    HttpResponse<String> first = login("zhang.wei", temporary, null);
    assertEquals(403, first.statusCode(), first.body());
    assertEquals("PASSWORD_CHANGE_REQUIRED", code(first));
    assertEquals("PASSWORD_NOT_CHANGED", code(login("zhang.wei", temporary, temporary)));
    assertEquals(400, login("zhang.wei", temporary, "short").statusCode(), "a new password has 8 characters at least");

    HttpResponse<String> changed = login("zhang.wei", temporary, NEW_PASSWORD);
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals("cadre", new JsonObject(changed.body()).getString("role"));
    JsonObject hello = Await.result(bridge(new JsonObject(changed.body()).getString("token"))
        .request("console.cmd", new JsonObject().put("action", "hello")));
    assertEquals("zhang.wei", hello.getJsonObject("identity").getString("accountId"));

    assertEquals(401, login("zhang.wei", temporary, null).statusCode(), "the temporary password no longer works");
    assertEquals(200, login("zhang.wei", NEW_PASSWORD, null).statusCode());
    JsonObject now = listed("zhang.wei");
    assertFalse(now.getBoolean("mustChangePassword"));
    assertNotNull(now.getLong("lastSignInAt"));
    Await.failure(admin(admin, "createAccount", account("zhang.wei", "又一个张伟", "staff")), "ACCOUNT_EXISTS");
    assertEquals("张伟（社区）", listed("zhang.wei").getString("name"), "the existing account is left as it was");
  }

  @Test
  @DisplayName("cadres, staff, grid workers and viewers get FORBIDDEN for every account command; viewers alone besides administrators read the audit log")
  void onlyAdministrators() throws Exception {
    Map<String, String> tokens = Map.of("cadre", server.login("cadre"), "staff", server.login("staff"),
        "grid", server.login("grid"), "viewer", signedIn("kan.kan", "viewer"));
    List<JsonObject> commands = List.of(new JsonObject().put("action", "listAccounts"),
        account("x.y", "某人", "admin").put("action", "createAccount"),
        account("staff", "社区工作人员", "admin").put("action", "updateAccount"),
        user("admin").put("action", "disableAccount"), user("staff").put("action", "enableAccount"),
        user("admin").put("action", "resetPassword"), user("admin").put("action", "signInHistory"));
    for (Map.Entry<String, String> who : tokens.entrySet()) {
      BridgeClient client = bridge(who.getValue());
      for (JsonObject command : commands) {
        Await.failure(client.request(ADMIN, command), "FORBIDDEN");
      }
      Future<JsonObject> audit = client.request(ADMIN, new JsonObject().put("action", "listAudit"));
      if (who.getKey().equals("viewer")) {
        assertFalse(Await.result(audit).getJsonArray("entries").isEmpty());
      } else {
        Await.failure(audit, "FORBIDDEN");
      }
      assertEquals(who.getKey().equals("viewer") ? 200 : 403, csv(who.getValue(), "").statusCode(), who.getKey());
    }
    BridgeClient anonymous = bridge(null);
    Await.failure(anonymous.request(ADMIN, new JsonObject().put("action", "listAccounts")), "UNAUTHENTICATED");
    assertEquals(401, csv(null, "").statusCode());
    assertNull(listed("x.y"), "nothing was created");
    assertEquals("staff", listed("staff").getString("role"), "nobody was given another role");
    assertFalse(listed("admin").getBoolean("disabled"));
  }

  @Test
  @DisplayName("disabling an account ends its open session at once, and its right password then answers ACCOUNT_DISABLED while a wrong one still answers UNAUTHENTICATED")
  void disableEndsSessions() throws Exception {
    BridgeClient staff = bridge(signedIn("li.na", "staff"));
    Await.result(overview(staff));

    JsonObject disabled = Await.result(admin(admin, "disableAccount", user("li.na")));
    assertTrue(disabled.getJsonObject("account").getBoolean("disabled"));
    sessionEnded(staff);

    HttpResponse<String> right = login("li.na", NEW_PASSWORD, null);
    assertEquals(403, right.statusCode());
    assertEquals("ACCOUNT_DISABLED", code(right));
    assertEquals("UNAUTHENTICATED", code(login("li.na", "not-the-password", null)), "a wrong password tells nothing");

    Await.result(admin(admin, "enableAccount", user("li.na")));
    assertEquals(200, login("li.na", NEW_PASSWORD, null).statusCode());
  }

  @Test
  @DisplayName("an administrator cannot disable, re-role or reset their own account, nor take away the last administrator who can sign in (demo accounts do not count)")
  void selfAndLastAdministrator() throws Exception {
    Await.failure(admin(admin, "disableAccount", user("admin")), "OWN_ACCOUNT");
    Await.failure(admin(admin, "updateAccount", account("admin", "系统管理员", "staff")), "OWN_ACCOUNT");
    Await.failure(admin(admin, "resetPassword", user("admin")), "OWN_ACCOUNT");
    Await.result(admin(admin, "updateAccount", account("admin", "管理员（演示）", "admin")));
    assertEquals("管理员（演示）", listed("admin").getString("name"), "one's own name may change");

    create("admin.two", "第二位管理员", "admin");
    Await.failure(admin(admin, "disableAccount", user("admin.two")), "LAST_ADMINISTRATOR");
    Await.failure(admin(admin, "updateAccount", account("admin.two", "第二位管理员", "staff")), "LAST_ADMINISTRATOR");
    create("admin.three", "第三位管理员", "admin");
    Await.result(admin(admin, "disableAccount", user("admin.two")));
    Await.failure(admin(admin, "disableAccount", user("admin.three")), "LAST_ADMINISTRATOR");
    Await.failure(admin(admin, "updateAccount", account("admin.three", "第三位管理员", "viewer")), "LAST_ADMINISTRATOR");
    assertFalse(listed("admin.three").getBoolean("disabled"));
    assertEquals("admin", listed("admin.three").getString("role"));
  }

  @Test
  @DisplayName("a password reset answers a new temporary password once, ends the account's sessions and asks for a new password at the next sign-in")
  void resetPassword() throws Exception {
    String first = create("wang.fang", "王芳", "staff");
    assertEquals(200, login("wang.fang", first, NEW_PASSWORD).statusCode());
    BridgeClient session = bridge(new JsonObject(login("wang.fang", NEW_PASSWORD, null).body()).getString("token"));
    Await.result(overview(session));

    JsonObject reset = Await.result(admin(admin, "resetPassword", user("wang.fang")));
    String temporary = reset.getString("temporaryPassword");
    assertNotEquals(first, temporary);
    assertTrue(reset.getJsonObject("account").getBoolean("mustChangePassword"));
    sessionEnded(session);

    assertEquals(401, login("wang.fang", NEW_PASSWORD, null).statusCode(), "the old password is gone");
    assertEquals("PASSWORD_CHANGE_REQUIRED", code(login("wang.fang", temporary, null)));
    assertEquals(200, login("wang.fang", temporary, "另一个新密码-abcdef").statusCode());
  }

  @Test
  @DisplayName("a new role or new grids end the account's sessions so they apply at once; a grid worker needs an existing grid, other roles have none")
  void rolesAndGrids() throws Exception {
    BridgeClient grid = bridge(signedIn("zhao.lei", "grid_worker", GRID_1));
    JsonObject hello = Await.result(grid.request("console.cmd", new JsonObject().put("action", "hello")));
    assertEquals(new JsonArray().add(GRID_1), hello.getJsonObject("identity").getJsonArray("gridIds"));

    Await.result(admin(admin, "updateAccount", account("zhao.lei", "赵磊（改名）", "grid_worker", GRID_1)));
    Await.result(overview(grid));

    Await.failure(admin(admin, "updateAccount", account("zhao.lei", "赵磊", "grid_worker")), "GRID_REQUIRED");
    Await.failure(admin(admin, "updateAccount", account("zhao.lei", "赵磊", "grid_worker", "0000000000000000000ffff1")), "NOT_FOUND");
    Await.failure(admin(admin, "updateAccount", account("zhao.lei", "赵磊", "staff", GRID_1)), "BAD_REQUEST");
    Await.failure(admin(admin, "createAccount", account("no.grid", "无网格", "grid_worker")), "GRID_REQUIRED");
    Await.failure(admin(admin, "updateAccount", account("nobody", "无此人", "staff")), "NOT_FOUND");
    Await.result(overview(grid));

    Await.result(admin(admin, "updateAccount", account("zhao.lei", "赵磊", "grid_worker", GRID_1, GRID_2)));
    sessionEnded(grid);
    BridgeClient again = bridge(new JsonObject(login("zhao.lei", NEW_PASSWORD, null).body()).getString("token"));
    Await.result(overview(again));
    Await.result(admin(admin, "updateAccount", account("zhao.lei", "赵磊", "staff")));
    sessionEnded(again);
    HttpResponse<String> asStaff = login("zhao.lei", NEW_PASSWORD, null);
    assertEquals("staff", new JsonObject(asStaff.body()).getString("role"));
    assertEquals(new JsonArray(), listed("zhao.lei").getJsonArray("gridIds"));
  }

  @Test
  @DisplayName("the sign-in history lists an account's attempts newest first with address and reason; unknown names are not kept")
  void signInHistory() throws Exception {
    String temporary = create("sun.li", "孙丽", "staff");
    assertEquals(401, login("sun.li", "wrong-password", null).statusCode());
    assertEquals(403, login("sun.li", temporary, null).statusCode());
    assertEquals(200, login("sun.li", temporary, NEW_PASSWORD).statusCode());
    assertEquals(200, login("sun.li", NEW_PASSWORD, null).statusCode());
    assertEquals(401, login("no.such.user", "whatever", null).statusCode());

    JsonArray history = Await.result(admin(admin, "signInHistory", user("sun.li"))).getJsonArray("signIns");
    List<String> reasons = history.stream().map(h -> ((JsonObject) h).getString("reason")).toList();
    assertEquals(List.of("OK", "PASSWORD_CHANGED", "PASSWORD_CHANGE_REQUIRED", "WRONG_PASSWORD"), reasons);
    JsonObject newest = history.getJsonObject(0);
    assertTrue(newest.getBoolean("ok"));
    assertEquals("127.0.0.1", newest.getString("address"));
    assertFalse(history.getJsonObject(3).getBoolean("ok"));
    assertTrue(newest.getLong("at") >= history.getJsonObject(1).getLong("at"));

    Await.failure(admin(admin, "signInHistory", user("no.such.user")), "NOT_FOUND");
    long unknown = Await.result(server.app.db().mongo().count(SignIns.COLLECTION, user("no.such.user")));
    assertEquals(0, unknown, "a typed name that is no account is never kept");
  }

  @Test
  @DisplayName("each change is in the audit log without any password, filtered by actor, area, action and time; older room entries count as the room's")
  void auditEntries() throws Exception {
    long before = System.currentTimeMillis();
    String temporary = create("qian.jin", "钱进", "staff");
    Await.result(admin(admin, "updateAccount", account("qian.jin", "钱进", "viewer")));
    Await.result(admin(admin, "disableAccount", user("qian.jin")));
    Await.result(admin(admin, "enableAccount", user("qian.jin")));
    String reset = Await.result(admin(admin, "resetPassword", user("qian.jin"))).getString("temporaryPassword");
    assertEquals(200, login("qian.jin", reset, NEW_PASSWORD).statusCode());

    JsonArray entries = audit(new JsonObject().put("area", "admin"));
    assertEquals(List.of("changeOwnPassword", "resetPassword", "enableAccount", "disableAccount", "updateAccount", "createAccount"),
        actions(entries));
    String text = entries.encode();
    assertFalse(text.contains(temporary) || text.contains(reset) || text.contains(NEW_PASSWORD), "no password in the log");
    JsonObject created = entries.getJsonObject(5);
    assertEquals(new JsonObject().put("id", "admin").put("name", "系统管理员").put("role", "ADMIN"), created.getJsonObject("actor"));
    assertEquals("staff", created.getJsonObject("params").getString("role"));
    assertEquals("viewer", entries.getJsonObject(4).getJsonObject("params").getString("role"));

    assertEquals(List.of("changeOwnPassword"), actions(audit(new JsonObject().put("actor", "qian.jin"))));
    assertEquals(List.of("changeOwnPassword"), actions(audit(new JsonObject().put("actor", "钱进"))));
    assertEquals(List.of("disableAccount"), actions(audit(new JsonObject().put("auditAction", "disableAccount"))));
    assertEquals(1, audit(new JsonObject().put("area", "admin").put("limit", 1)).size());
    assertTrue(audit(new JsonObject().put("area", "admin").put("to", before)).isEmpty());
    assertEquals(6, audit(new JsonObject().put("area", "admin").put("from", before)).size());

    JsonObject legacy = new JsonObject().put("at", before - 1000).put("action", "openMeeting").put("roomId", DemoData.ROOM_ID)
        .put("actor", new JsonObject().put("id", "cadre").put("name", "王主任（社区）").put("role", "HOST")).put("params", new JsonObject());
    Await.result(server.app.db().mongo().insert(AuditLog.COLLECTION, legacy));
    JsonArray room = audit(new JsonObject().put("area", "room"));
    assertTrue(room.stream().map(JsonObject.class::cast).allMatch(e -> "room".equals(e.getString("area"))));
    JsonObject old = room.stream().map(JsonObject.class::cast).filter(e -> "openMeeting".equals(e.getString("action")))
        .findFirst().orElseThrow();
    assertEquals("有事好商量协商议事室", old.getString("roomName"));
    assertTrue(audit(new JsonObject().put("area", "admin")).stream().noneMatch(e -> "openMeeting".equals(((JsonObject) e).getString("action"))));
  }

  JsonArray audit(JsonObject filter) {
    return Await.result(admin(admin, "listAudit", filter)).getJsonArray("entries");
  }

  static List<String> actions(JsonArray entries) {
    return entries.stream().map(e -> ((JsonObject) e).getString("action")).toList();
  }

  HttpResponse<byte[]> csv(String token, String query) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/audit.csv" + query)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the audit CSV opens in Excel: a UTF-8 byte order mark, Chinese headers, names with commas and quotes kept whole, formulas kept as text")
  void auditCsv() throws Exception {
    String odd = "王\"小,明\"";
    String temporary = create("wang.xm", odd, "staff");
    assertEquals(200, login("wang.xm", temporary, NEW_PASSWORD).statusCode());
    create("formula", "=HYPERLINK(\"http://x\",\"点我\")", "viewer");

    HttpResponse<byte[]> all = csv(server.login("admin"), "");
    assertEquals(200, all.statusCode(), new String(all.body(), StandardCharsets.UTF_8));
    assertTrue(all.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    assertTrue(all.headers().firstValue("content-disposition").orElse("").contains("attachment"));
    byte[] body = all.body();
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(body, 3), "UTF-8 BOM first");
    List<CSVRecord> rows = parse(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));

    CSVRecord own = rows.stream().filter(r -> r.get("操作").equals("changeOwnPassword")).findFirst().orElseThrow();
    assertEquals(odd + "（wang.xm）", own.get("操作人"));
    assertEquals("工作人员", own.get("角色"));
    assertEquals("账号管理", own.get("区域"));
    assertTrue(own.get("时间").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"), own.get("时间"));
    assertEquals("wang.xm", new JsonObject(own.get("参数")).getString("username"));
    CSVRecord created = rows.stream().filter(r -> r.get("操作").equals("createAccount")
        && new JsonObject(r.get("参数")).getString("username").equals("wang.xm")).findFirst().orElseThrow();
    assertEquals(odd, new JsonObject(created.get("参数")).getString("name"));
    assertEquals("系统管理员（admin）", created.get("操作人"));
    CSVRecord room = rows.stream().filter(r -> r.get("区域").equals("议事室")).findFirst().orElseThrow();
    assertEquals("有事好商量协商议事室", room.get("议事室"));

    String viewer = new JsonObject(login("formula", Await.result(admin(admin, "resetPassword", user("formula")))
        .getString("temporaryPassword"), NEW_PASSWORD).body()).getString("token");
    HttpResponse<byte[]> mine = csv(viewer, "?actor=formula&area=admin&from=" + (System.currentTimeMillis() - 60_000));
    assertEquals(200, mine.statusCode());
    List<CSVRecord> formulaRows = parse(new String(mine.body(), StandardCharsets.UTF_8).substring(1));
    assertEquals(1, formulaRows.size());
    assertTrue(formulaRows.get(0).get("操作人").startsWith("'="), formulaRows.get(0).get("操作人"));

    List<CSVRecord> admins = parse(new String(csv(viewer, "?area=admin&action=" + q("createAccount")).body(),
        StandardCharsets.UTF_8).substring(1));
    assertEquals(2, admins.size());
    assertTrue(admins.stream().allMatch(r -> r.get("区域").equals("账号管理") && r.get("操作").equals("createAccount")));
    assertEquals(400, csv(viewer, "?from=yesterday").statusCode());
    assertEquals(400, csv(viewer, "?area=" + q("room; drop")).statusCode());
  }

  static List<CSVRecord> parse(String text) throws Exception {
    try (CSVParser parser = CSVParser.parse(new StringReader(text),
        CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertEquals(List.of(AuditCsv.HEADER), parser.getHeaderNames());
      return parser.getRecords();
    }
  }

  @Test
  @DisplayName("malformed commands are refused by name and change nothing: an unknown role, an extra field, a long name, a bad user name, too large a page")
  void schemaRefusals() throws Exception {
    int before = Await.result(admin(admin, "listAccounts", new JsonObject())).getJsonArray("accounts").size();
    Await.failure(admin(admin, "createAccount", account("x.role", "某人", "superuser")), "BAD_REQUEST");
    Await.failure(admin(admin, "createAccount", account("x.extra", "某人", "staff").put("passwordHash", "x")), "BAD_REQUEST");
    Await.failure(admin(admin, "createAccount", account("x.long", "长".repeat(41), "staff")), "BAD_REQUEST");
    Await.failure(admin(admin, "createAccount", account("x y", "某人", "staff")), "BAD_REQUEST");
    Await.failure(admin(admin, "createAccount", account("x.blank", "   ", "staff")), "BAD_REQUEST");
    Await.failure(admin(admin, "updateAccount", account("staff", "某人", "kiosk")), "BAD_REQUEST");
    Await.failure(admin(admin, "listAudit", new JsonObject().put("limit", 501)), "BAD_REQUEST");
    Await.failure(admin(admin, "listAudit", new JsonObject().put("action2", "x")), "BAD_REQUEST");
    Await.failure(admin(admin, "disableAccount", new JsonObject()), "BAD_REQUEST");
    assertEquals(before, Await.result(admin(admin, "listAccounts", new JsonObject())).getJsonArray("accounts").size());
    assertEquals("staff", listed("staff").getString("role"));
    assertTrue(audit(new JsonObject().put("area", "admin")).isEmpty(), "nothing audited");
  }
}
