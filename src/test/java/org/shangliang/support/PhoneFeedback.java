package org.shangliang.support;

import io.vertx.core.json.JsonObject;
import org.shangliang.app.DemoData;
import org.shangliang.qr.QrTokens;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A passer-by's phone at board 1: scans a notice's QR code and rates it, as the /f/ page does over HTTP. */
public final class PhoneFeedback {
  private PhoneFeedback() {
  }

  /** A new phone (its own cookies) rates the notice; {@code comment} may be null. */
  public static void rate(TestServer server, String noticeId, String rating, String comment) throws Exception {
    HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String token = server.app.tokens().sign(QrTokens.Purpose.FEEDBACK, noticeId, DemoData.BOARD_1);
    HttpResponse<String> form = phone.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/feedback/" + token)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, form.statusCode(), form.body());
    JsonObject body = new JsonObject().put("token", token).put("ticket", new JsonObject(form.body()).getString("ticket"))
        .put("rating", rating);
    if (comment != null) {
      body.put("comment", comment);
    }
    HttpResponse<String> sent = phone.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/feedback"))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(201, sent.statusCode(), sent.body());
  }
}
