package org.shangliang.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.TestServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge over plain HTTP, as SockJS's fallback transports use it when WebSockets are blocked,
 * and who may read its answers from another site (CORS).
 */
class BridgeHttpTest {
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /**
   * Each call on a client of its own: SockJS closes the connection after every xhr poll, and a
   * pooled connection could be taken just before that close arrives (a browser retries then).
   */
  static HttpResponse<String> send(String method, String path, String body, String origin) throws Exception {
    return send(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
        method, path, body, origin);
  }

  static HttpResponse<String> send(HttpClient client, String method, String path, String body, String origin)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .timeout(Duration.ofSeconds(20)).method(method, body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (body != null) {
      request.header("Content-Type", "text/plain;charset=UTF-8");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("over xhr-polling a kiosk's command is taken by xhr_send and its reply comes back on the next poll")
  void xhrPollingCarriesCommandsAndReplies() throws Exception {
    String session = "/eventbus/123/" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    HttpResponse<String> open = send("POST", session + "/xhr", null, null);
    assertEquals(200, open.statusCode());
    assertEquals("o", open.body().trim());

    String replyAddress = UUID.randomUUID().toString();
    JsonObject frame = new JsonObject().put("type", "send").put("address", RoomAddresses.COMMANDS)
        .put("replyAddress", replyAddress).put("headers", new JsonObject().put("auth", server.token("Kiosk 1")))
        .put("body", new JsonObject().put("action", "hello"));
    HttpResponse<String> sent = send("POST", session + "/xhr_send", new JsonArray().add(frame.encode()).encode(), null);
    System.out.println("xhr_send answered " + sent.statusCode() + " " + sent.body());
    assertEquals(204, sent.statusCode(), sent.body());

    HttpResponse<String> poll = send("POST", session + "/xhr", null, null);
    assertTrue(poll.body().startsWith("a["), poll.body());
    JsonObject reply = new JsonObject(new JsonArray(poll.body().substring(1).trim()).getString(0));
    assertEquals(replyAddress, reply.getString("address"));
    assertEquals("kiosk", reply.getJsonObject("body").getJsonObject("identity").getString("deviceKind"));
  }

  @Test
  @DisplayName("an xhr_send body over 64 KiB is refused with TOO_LARGE")
  void oversizedXhrSend() throws Exception {
    String session = "/eventbus/123/" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    assertEquals(200, send("POST", session + "/xhr", null, null).statusCode());
    String huge = new JsonArray().add("x".repeat(100 * 1024)).encode();
    HttpResponse<String> sent = send("POST", session + "/xhr_send", huge, null);
    assertEquals(413, sent.statusCode(), sent.body());
    assertEquals("TOO_LARGE", new JsonObject(sent.body()).getString("code"));
  }

  @Test
  @DisplayName("the bridge answers another site's page with 403 and no CORS grant; its own origins are granted")
  void corsOnlyForOwnOrigins() throws Exception {
    HttpResponse<String> foreign = send("GET", "/eventbus/info", null, "https://evil.example");
    System.out.println("foreign origin: " + foreign.statusCode() + " allow-origin="
        + foreign.headers().firstValue("Access-Control-Allow-Origin").orElse("(none)") + " allow-credentials="
        + foreign.headers().firstValue("Access-Control-Allow-Credentials").orElse("(none)"));
    assertEquals(403, foreign.statusCode());
    assertFalse(foreign.headers().firstValue("Access-Control-Allow-Origin").isPresent());

    HttpResponse<String> preflight = send("OPTIONS", "/eventbus/123/abc/xhr_send", null, "https://evil.example");
    assertEquals(403, preflight.statusCode());
    assertFalse(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent());

    String own = server.baseUrl();
    HttpResponse<String> same = send("GET", "/eventbus/info", null, own);
    assertEquals(200, same.statusCode());
    assertEquals(own, same.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

    String published = server.app.publicUrl();
    HttpResponse<String> viaPublicUrl = send("GET", "/eventbus/info", null, published);
    assertEquals(200, viaPublicUrl.statusCode());
    assertEquals(published, viaPublicUrl.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

    HttpResponse<String> noOrigin = send("GET", "/eventbus/info", null, null);
    assertEquals(200, noOrigin.statusCode());
  }

  @Test
  @DisplayName("own origins are PUBLIC_URL's and the host a request names, also behind a proxy that ends TLS; others are not")
  void whichOriginsAreOwn() {
    String publicUrl = "https://yishi.example.cn";
    assertTrue(BridgeRoutes.isOwnOrigin("https://yishi.example.cn", "10.0.0.5:8080", publicUrl));
    assertTrue(BridgeRoutes.isOwnOrigin("http://yishi.local:8080", "yishi.local:8080", publicUrl));
    assertTrue(BridgeRoutes.isOwnOrigin("https://Yishi.Example.CN", "yishi.example.cn", null));
    assertFalse(BridgeRoutes.isOwnOrigin("http://yishi.example.cn:3000", "yishi.example.cn", publicUrl));
    assertFalse(BridgeRoutes.isOwnOrigin("https://yishi.example.cn.evil.example", "yishi.example.cn", publicUrl));
    assertFalse(BridgeRoutes.isOwnOrigin("null", "yishi.local:8080", publicUrl));
    assertFalse(BridgeRoutes.isOwnOrigin("http://yishi.local:8081", "yishi.local:8080", publicUrl));
  }
}
