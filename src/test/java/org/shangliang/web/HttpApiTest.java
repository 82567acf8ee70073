package org.shangliang.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP side: health, sign-in, device enrolment, static files and their headers. */
class HttpApiTest {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static String url(String path) {
    return server.baseUrl() + path;
  }

  static String code(HttpResponse<String> response) {
    return new JsonObject(response.body()).getString("code");
  }

  @Test
  @DisplayName("health answers 200 UP once the server is serving")
  void health() throws Exception {
    HttpResponse<String> response = Http.get(url("/health"));
    assertEquals(200, response.statusCode());
    assertEquals("UP", new JsonObject(response.body()).getString("status"));
  }

  @Test
  @DisplayName("sign-in answers a token for the right password and a named 401 otherwise")
  void signIn() throws Exception {
    HttpResponse<String> ok = Http.post(url("/api/login"),
        new JsonObject().put("username", "grid").put("password", DemoData.PASSWORD).encode(), null);
    assertEquals(200, ok.statusCode());
    assertEquals("grid_worker", new JsonObject(ok.body()).getString("role"));
    HttpResponse<String> wrong = Http.post(url("/api/login"),
        new JsonObject().put("username", "grid").put("password", "guess").encode(), null);
    assertEquals(401, wrong.statusCode());
    assertEquals("UNAUTHENTICATED", code(wrong));
    HttpResponse<String> nobody = Http.post(url("/api/login"),
        new JsonObject().put("username", "nobody").put("password", "guess").encode(), null);
    assertEquals(401, nobody.statusCode());
  }

  @Test
  @DisplayName("malformed and oversized bodies are refused with named errors")
  void badBodies() throws Exception {
    HttpResponse<String> notJson = Http.post(url("/api/login"), "{not json", null);
    assertEquals(400, notJson.statusCode());
    assertEquals("BAD_REQUEST", code(notJson));
    HttpResponse<String> extra = Http.post(url("/api/login"),
        new JsonObject().put("username", "grid").put("password", "x").put("role", "HOST").encode(), null);
    assertEquals("BAD_REQUEST", code(extra));
    HttpResponse<String> huge = Http.post(url("/api/login"),
        new JsonObject().put("username", "grid").put("password", "x".repeat(40_000)).encode(), null);
    assertEquals(413, huge.statusCode());
    assertEquals("TOO_LARGE", code(huge));
  }

  @Test
  @DisplayName("only administrators enrol devices, each enrolment is audited, and the new token works on the bridge")
  void enrolDevice() throws Exception {
    String body = new JsonObject().put("kind", "display").put("roomId", DemoData.ROOM_ID).put("name", "东门大屏").encode();
    assertEquals(401, Http.post(url("/api/devices"), body, null).statusCode());
    assertEquals(401, Http.post(url("/api/devices"), body, "forged").statusCode());
    assertEquals(403, Http.post(url("/api/devices"), body, server.token("Kiosk 1")).statusCode());
    for (String notAdministrator : new String[] {"staff", "cadre", "grid"}) {
      assertEquals(403, Http.post(url("/api/devices"), body, server.login(notAdministrator)).statusCode(), notAdministrator);
    }
    HttpResponse<String> created = Http.post(url("/api/devices"), body, server.login("admin"));
    assertEquals(201, created.statusCode());
    JsonObject device = new JsonObject(created.body());
    assertTrue(device.getString("url").contains("/display/?room=" + DemoData.ROOM_ID));
    BridgeClient display = Await.result(BridgeClient.connect(server.vertx, server.port(), device.getString("token")));
    JsonObject identity = Await.result(display.request(RoomAddresses.COMMANDS,
        new JsonObject().put("action", "hello"))).getJsonObject("identity");
    assertEquals("display", identity.getString("deviceKind"));
    assertEquals("东门大屏", identity.getString("name"));
    var audit = Await.result(server.app.db().mongo().find("audit", new JsonObject().put("area", "community")
        .put("action", "enrolDevice")));
    assertEquals(1, audit.size(), "the one enrolment is audited, the refused ones are not");
    assertEquals("admin", audit.get(0).getJsonObject("actor").getString("id"));
    assertEquals(new JsonObject().put("deviceId", device.getString("deviceId")).put("kind", "display").put("roomId", DemoData.ROOM_ID)
        .put("name", "东门大屏").put("shared", false), audit.get(0).getJsonObject("params"), "never the token");
    String unknownRoom = new JsonObject().put("kind", "kiosk").put("roomId", "00000000000000000000a999").put("name", "x").encode();
    assertEquals(404, Http.post(url("/api/devices"), unknownRoom, server.login("admin")).statusCode());
  }

  @Test
  @DisplayName("rooms are listed for hosts only")
  void listRooms() throws Exception {
    assertEquals(401, Http.get(url("/api/rooms")).statusCode());
  }

  @Test
  @DisplayName("pages come with a Content-Security-Policy that forbids inline script")
  void securityHeaders() throws Exception {
    for (String page : new String[] {"/kiosk/", "/host/", "/display/"}) {
      HttpResponse<String> response = Http.get(url(page));
      assertEquals(200, response.statusCode(), page);
      String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'"), page);
      assertFalse(csp.contains("unsafe-inline"), page);
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    }
    assertEquals(200, Http.get(url("/webjars/sockjs-client/1.6.1/dist/sockjs.min.js")).statusCode());
  }

  @Test
  @DisplayName("paths that climb out of a page folder, or name hidden files, serve nothing")
  void noTraversal() throws Exception {
    for (String path : new String[] {"/kiosk/..%2f..%2fschemas/http.json", "/kiosk/%2e%2e/%2e%2e/schemas/http.json",
        "/common/../../simplelogger.properties", "/webjars/..%2f..%2f..%2forg/shangliang/app/Main.class"}) {
      HttpResponse<String> response = Http.get(url(path));
      assertNotEquals(200, response.statusCode(), path);
    }
  }
}
