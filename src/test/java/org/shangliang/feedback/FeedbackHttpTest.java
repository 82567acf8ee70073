package org.shangliang.feedback;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.Secrets;
import org.shangliang.qr.QrTokens;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.TestServer;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phone feedback API over real HTTP: tickets, limits, refusals, and text kept as text. */
class FeedbackHttpTest {
  static final String WELCOME = "000000000000000000003001";
  static final String TOPIC = "000000000000000000003002";
  static final String PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>";

  TestServer server;
  String token;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    token = server.app.tokens().sign(QrTokens.Purpose.FEEDBACK, WELCOME, DemoData.BOARD_1);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** A phone: its own cookie jar, like a browser. */
  static HttpClient phone() {
    return phone(new CookieManager());
  }

  static HttpClient phone(CookieManager jar) {
    return HttpClient.newBuilder().cookieHandler(jar).connectTimeout(Duration.ofSeconds(5)).build();
  }

  HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(HttpClient client, String path, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  String ticket(HttpClient client) throws Exception {
    HttpResponse<String> form = get(client, "/api/feedback/" + token);
    assertEquals(200, form.statusCode(), form.body());
    return new JsonObject(form.body()).getString("ticket");
  }

  JsonObject rating(String ticket, String rating) {
    return new JsonObject().put("token", token).put("ticket", ticket).put("rating", rating);
  }

  /** Opens the form afresh, as a reload does, and sends the rating with its new ticket. */
  void rate(HttpClient client, String rating, String comment) throws Exception {
    JsonObject body = rating(ticket(client), rating);
    if (comment != null) {
      body.put("comment", comment);
    }
    HttpResponse<String> sent = post(client, "/api/feedback", body.encode());
    assertEquals(201, sent.statusCode(), sent.body());
  }

  static void refused(HttpResponse<String> response, int status, String code) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(code, new JsonObject(response.body()).getString("code"));
  }

  JsonObject staffFeedback() throws Exception {
    BridgeClient staff = server.bridge(server.login("staff"));
    return Await.result(staff.request(ConsoleAddresses.NOTICES,
        new JsonObject().put("action", "listFeedback").put("noticeId", WELCOME)));
  }

  @Test
  @DisplayName("a rating with a script comment is stored as the same text, traced to its board, and staff see it")
  void ratingReachesStaff() throws Exception {
    HttpClient phone = phone();
    JsonObject form = new JsonObject(get(phone, "/api/feedback/" + token).body());
    assertEquals("1号公示栏", form.getJsonObject("board").getString("name"));
    assertEquals("第一网格", form.getJsonObject("board").getString("gridName"));
    assertNull(form.getJsonObject("notice").getValue("history"), "the phone sees the notice, not its handling");
    JsonObject body = rating(form.getString("ticket"), "BASIC").put("comment", PAYLOAD).put("phone", "13800001234");
    assertEquals(201, post(phone, "/api/feedback", body.encode()).statusCode());
    JsonObject seen = staffFeedback();
    assertEquals(1, seen.getJsonObject("summary").getInteger("total"));
    assertEquals(1.0, seen.getJsonObject("summary").getDouble("satisfactionRate"));
    JsonObject item = seen.getJsonArray("items").getJsonObject(0);
    assertEquals(PAYLOAD, item.getString("comment"));
    assertEquals("13800001234", item.getString("phone"));
    assertEquals("1号公示栏", item.getString("displayName"));
  }

  @Test
  @DisplayName("a replayed submission, a forged token and a retracted notice are refused by name and store nothing")
  void replayForgeryAndWithdrawal() throws Exception {
    HttpClient phone = phone();
    String ticket = ticket(phone);
    String body = rating(ticket, "SATISFIED").encode();
    assertEquals(201, post(phone, "/api/feedback", body).statusCode());
    refused(post(phone, "/api/feedback", body), 409, "TICKET_USED");
    String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
    refused(post(phone, "/api/feedback", rating(ticket(phone), "SATISFIED").put("token", forged).encode()), 403, "TOKEN_INVALID");
    refused(get(phone, "/api/feedback/" + forged), 403, "TOKEN_INVALID");
    String otherBoard = server.app.tokens().sign(QrTokens.Purpose.FEEDBACK, WELCOME, DemoData.BOARD_2);
    refused(post(phone, "/api/feedback", rating(ticket(phone), "SATISFIED").put("token", otherBoard).encode()), 403, "TOKEN_INVALID");

    String pending = ticket(phone);
    BridgeClient staff = server.bridge(server.login("staff"));
    Await.result(staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "retractNotice").put("id", WELCOME)));
    refused(post(phone, "/api/feedback", rating(pending, "UNSATISFIED").encode()), 410, "NOTICE_WITHDRAWN");
    refused(get(phone, "/api/feedback/" + token), 410, "NOTICE_WITHDRAWN");
    assertEquals(1, staffFeedback().getJsonObject("summary").getInteger("total"));
  }

  @Test
  @DisplayName("oversized comments and bodies and malformed fields get clear errors")
  void sizeLimits() throws Exception {
    HttpClient phone = phone();
    refused(post(phone, "/api/feedback", rating(ticket(phone), "SATISFIED").put("comment", "好".repeat(501)).encode()), 413, "TOO_LARGE");
    refused(post(phone, "/api/feedback", rating(ticket(phone), "SATISFIED").put("x", "y".repeat(17_000)).encode()), 413, "TOO_LARGE");
    refused(post(phone, "/api/feedback", rating(ticket(phone), "GREAT").encode()), 400, "BAD_REQUEST");
    refused(post(phone, "/api/feedback", rating(ticket(phone), "SATISFIED").put("phone", "<b>call</b>").encode()), 400, "BAD_REQUEST");
    refused(post(phone, "/api/feedback", "not json"), 400, "BAD_REQUEST");
    assertEquals(0, staffFeedback().getJsonObject("summary").getInteger("total"));
  }

  @Test
  @DisplayName("one phone may send 5 ratings in 10 minutes; the 6th gets RATE_LIMITED with Retry-After")
  void perPhoneLimit() throws Exception {
    HttpClient phone = phone();
    for (int i = 0; i < 5; i++) {
      assertEquals(201, post(phone, "/api/feedback", rating(ticket(phone), "SATISFIED").encode()).statusCode());
    }
    HttpResponse<String> sixth = post(phone, "/api/feedback", rating(ticket(phone), "SATISFIED").encode());
    refused(sixth, 429, "RATE_LIMITED");
    assertTrue(Integer.parseInt(sixth.headers().firstValue("Retry-After").orElse("0")) > 0);
    assertEquals(201, post(phone(), "/api/feedback", rating(ticket(phone()), "SATISFIED").encode()).statusCode(),
        "another phone is not held back by the first");
  }

  @Test
  @DisplayName("one network address may send 30 ratings in 10 minutes, whatever cookies it shows")
  void perAddressLimit() throws Exception {
    int accepted = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 31; i++) {
      HttpClient fresh = phone();
      last = post(fresh, "/api/feedback", rating(ticket(fresh), "SATISFIED").encode());
      accepted += last.statusCode() == 201 ? 1 : 0;
    }
    assertEquals(30, accepted);
    refused(last, 429, "RATE_LIMITED");
  }

  @Test
  @DisplayName("one phone rating a notice four times, each from a freshly opened form, counts once with its last rating and staff see the earlier ones")
  void onePhoneCountsOnce() throws Exception {
    rate(phone(), "UNSATISFIED", null);
    HttpClient phone = phone();
    rate(phone, "UNSATISFIED", "楼道灯坏了三个月，一直没人修。".repeat(20));
    rate(phone, "BASIC", null);
    rate(phone, "SATISFIED", null);
    rate(phone, "SATISFIED", "今天看到已经换了新灯，谢谢。");

    JsonObject seen = staffFeedback();
    JsonObject summary = seen.getJsonObject("summary");
    assertEquals(2, summary.getInteger("total"), summary.encode());
    assertEquals(0.5, summary.getDouble("satisfactionRate"));
    assertEquals(new JsonObject().put("SATISFIED", 1).put("BASIC", 0).put("UNSATISFIED", 1), summary.getJsonObject("counts"));
    assertEquals(2, seen.getJsonArray("items").size());
    JsonObject mine = seen.getJsonArray("items").getJsonObject(0);
    assertEquals("SATISFIED", mine.getString("rating"));
    List<String> changes = mine.getJsonArray("changes").stream().map(JsonObject.class::cast)
        .map(c -> c.getString("from") + ">" + c.getString("to")).collect(Collectors.toList());
    assertEquals(List.of("UNSATISFIED>BASIC", "BASIC>SATISFIED"), changes, "a repeated rating is no change");
    assertEquals(2, mine.getJsonArray("comments").size(), "comments are kept, each one");
    assertEquals("今天看到已经换了新灯，谢谢。", mine.getString("comment"));

    JsonObject form = new JsonObject(get(phone, "/api/feedback/" + token).body());
    assertEquals("SATISFIED", form.getJsonObject("mine").getString("rating"), "the phone is told what it said");
    assertNull(new JsonObject(get(phone(), "/api/feedback/" + token).body()).getValue("mine"), "a new phone has said nothing");
  }

  @Test
  @DisplayName("two phones that each rate a notice twice count as two ratings, each with its own last answer")
  void twoPhonesCountTwice() throws Exception {
    HttpClient first = phone();
    HttpClient second = phone();
    rate(first, "SATISFIED", null);
    rate(second, "SATISFIED", null);
    rate(first, "UNSATISFIED", null);
    rate(second, "BASIC", null);

    JsonObject summary = staffFeedback().getJsonObject("summary");
    assertEquals(2, summary.getInteger("total"), summary.encode());
    assertEquals(new JsonObject().put("SATISFIED", 0).put("BASIC", 1).put("UNSATISFIED", 1), summary.getJsonObject("counts"));
    assertEquals(0.5, summary.getDouble("satisfactionRate"));
  }

  @Test
  @DisplayName("four submissions sent at the same moment from one phone, each with its own ticket, all succeed and count once")
  void concurrentSubmissionsCountOnce() throws Exception {
    HttpClient phone = phone();
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tickets.add(ticket(phone));
    }
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (String ticket : tickets) {
      sent.add(phone.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/feedback"))
          .header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(rating(ticket, "SATISFIED").encode())).build(), HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> response : sent) {
      assertEquals(201, response.get().statusCode(), response.get().body());
    }
    JsonObject seen = staffFeedback();
    assertEquals(1, seen.getJsonObject("summary").getInteger("total"), seen.encode());
    assertEquals(1, seen.getJsonArray("items").size());
  }

  @Test
  @DisplayName("what is stored of a phone's ratings on two notices holds neither its cookie nor the cookie's hash")
  void storesNothingOfThePhone() throws Exception {
    CookieManager jar = new CookieManager();
    HttpClient phone = phone(jar);
    rate(phone, "BASIC", null);
    String topic = server.app.tokens().sign(QrTokens.Purpose.FEEDBACK, TOPIC, DemoData.BOARD_1);
    JsonObject form = new JsonObject(get(phone, "/api/feedback/" + topic).body());
    assertEquals(201, post(phone, "/api/feedback", rating(form.getString("ticket"), "SATISFIED").put("token", topic).encode()).statusCode());
    String cookie = jar.getCookieStore().getCookies().stream().filter(c -> "sl_phone".equals(c.getName()))
        .map(HttpCookie::getValue).findFirst().orElse(null);
    assertNotNull(cookie, "the phone got its cookie");
    List<JsonObject> stored = Await.result(server.app.db().mongo().find(FeedbackStore.FEEDBACK, new JsonObject()));
    assertEquals(2, stored.size());
    assertFalse(stored.toString().contains(cookie), stored.toString());
    assertFalse(stored.toString().contains(Secrets.digest(cookie)), stored.toString());
  }
}
