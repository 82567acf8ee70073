package org.shangliang.request;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.qr.QrTokens;
import org.shangliang.support.AddressedHttp;
import org.shangliang.support.AddressedHttp.Answer;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident finds their request again by its number and the last four digits of the phone they
 * gave (POST /api/requests/lookup), over real HTTP from chosen loopback addresses: what a wrong
 * phone, an unknown number and a request filed without a phone are told, and how many tries an
 * address and a number get.
 */
class RequestLookupTest {
  static final String NAME = "钱阿姨";
  static final String PHONE = "137 0000 9876";
  static final String WHAT = "楼道灯坏了 3栋2单元501";
  /** RequestRoutes' limits, as documented in docs/API.md. */
  static final int LOOKUPS_PER_ADDRESS = 10;
  static final int LOOKUPS_PER_NUMBER = 20;

  TestServer server;
  AddressedHttp http;
  BridgeClient kiosk;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    http = new AddressedHttp(server.vertx, server.port());
    kiosk = server.bridge(server.token("Kiosk 1"));
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    server.close();
  }

  JsonObject fileFromPhone(String phone) throws Exception {
    String report = server.app.tokens().sign(QrTokens.Purpose.REPORT, DemoData.GRID_IDS[0], DemoData.BOARD_1);
    JsonObject form = new JsonObject().put("token", report).put("kind", "楼院设施").put("what", WHAT)
        .put("gridId", DemoData.GRID_IDS[0]).put("name", NAME);
    if (phone != null) {
      form.put("phone", phone);
    }
    var response = Http.post(server.baseUrl() + "/api/requests", form.encode(), null);
    assertEquals(201, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }

  Answer lookup(int from, String number, String last4) {
    return Await.result(http.post(AddressedHttp.address(from), "/api/requests/lookup",
        new JsonObject().put("number", number).put("phoneLast4", last4)));
  }

  @Test
  @DisplayName("the number and the last four digits of the phone open the request's own status page, and the answer holds no personal data")
  void findsByNumberAndPhone() throws Exception {
    JsonObject filed = fileFromPhone(PHONE);
    Answer found = lookup(1, filed.getString("number"), "9876");
    assertEquals(200, found.status(), found.body());
    JsonObject body = new JsonObject(found.body());
    assertEquals(filed.getString("statusToken"), body.getString("statusToken"));
    assertTrue(body.getString("statusUrl").endsWith("/r/" + filed.getString("statusToken")), body.encode());
    for (String secret : new String[] {NAME, PHONE, "9876", WHAT, "\"phone\"", "\"resident\""}) {
      assertFalse(found.body().contains(secret), "the lookup's answer shows " + secret + ": " + found.body());
    }
    var status = Http.get(server.baseUrl() + "/api/requests/status/" + body.getString("statusToken"));
    assertEquals(filed.getString("number"), new JsonObject(status.body()).getJsonObject("request").getString("number"));
  }

  @Test
  @DisplayName("a wrong phone, an unknown number and a request filed without a phone get the very same answer")
  void sameAnswerForEveryMiss() throws Exception {
    JsonObject withPhone = fileFromPhone(PHONE);
    JsonObject withoutPhone = fileFromPhone(null);
    Answer wrongPhone = lookup(1, withPhone.getString("number"), "1234");
    Answer unknown = lookup(2, "9901-0042", "9876");
    Answer noPhone = lookup(3, withoutPhone.getString("number"), "0000");
    assertEquals(404, wrongPhone.status(), wrongPhone.body());
    assertEquals("LOOKUP_NO_MATCH", wrongPhone.code());
    assertEquals(wrongPhone.status(), unknown.status());
    assertEquals(wrongPhone.body(), unknown.body(), "an unknown number is told exactly what a wrong phone is told");
    assertEquals(wrongPhone.body(), noPhone.body(), "a request without a phone is told the same");
    assertEquals("BAD_REQUEST", lookup(4, "26110042", "9876").code(), "a number not written as the server writes it");
    assertEquals("BAD_REQUEST", lookup(4, withPhone.getString("number"), "98a6").code());
    assertEquals("BAD_REQUEST", lookup(4, withPhone.getString("number"), "09876").code());
  }

  @Test
  @DisplayName("an address gets 10 lookups in 10 minutes and then RATE_LIMITED with Retry-After; another address still may")
  void limitedPerAddress() throws Exception {
    JsonObject filed = fileFromPhone(PHONE);
    for (int i = 0; i < LOOKUPS_PER_ADDRESS; i++) {
      assertEquals(404, lookup(5, filed.getString("number"), String.format("%04d", i)).status());
    }
    Answer refused = lookup(5, filed.getString("number"), "9876");
    assertEquals(429, refused.status(), refused.body());
    assertEquals("RATE_LIMITED", refused.code());
    assertTrue(refused.retryAfter() > 0);
    assertEquals(200, lookup(6, filed.getString("number"), "9876").status(), "another address is not held back");
  }

  @Test
  @DisplayName("one number gets 20 lookups a day from all addresses together, so nobody walks through 10,000 endings; other numbers are not held back")
  void limitedPerNumber() throws Exception {
    JsonObject filed = fileFromPhone(PHONE);
    JsonObject other = fileFromPhone("13900001111");
    for (int i = 0; i < LOOKUPS_PER_NUMBER; i++) {
      assertEquals(404, lookup(10 + i, filed.getString("number"), String.format("%04d", i)).status());
    }
    Answer refused = lookup(40, filed.getString("number"), "9876");
    assertEquals("RATE_LIMITED", refused.code(), "even the right phone waits once the number was tried too often");
    assertEquals(200, lookup(41, other.getString("number"), "1111").status());
    Answer unknownRefused = null;
    for (int i = 0; i <= LOOKUPS_PER_NUMBER; i++) {
      unknownRefused = lookup(50 + i, "9901-0042", String.format("%04d", i));
    }
    assertEquals("RATE_LIMITED", unknownRefused.code(), "an unknown number is limited alike, so the limit tells nothing either");
  }
}
