package org.shangliang.minutes;

import io.vertx.core.json.JsonObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.common.Identity;
import org.shangliang.support.Await;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The minutes over HTTP on a real server, read from the {@code minutes} collection as the drafting
 * stores them: for console accounts only, whole for those who see members' phones, without any
 * attendee's name for a read-only account, and as a Word file POI opens.
 */
class MinutesRoutesTest {
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  TestServer server;
  String json;
  String docx;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    Await.result(server.app.db().mongo().insert("minutes", MinutesFixture.minutes()));
    json = server.baseUrl() + "/api/meetings/" + MinutesFixture.MEETING + "/minutes";
    docx = json + ".docx";
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static HttpResponse<byte[]> bytes(String url, String bearer) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  @DisplayName("without a console account's session the minutes are 401, for a kiosk 403, in both forms")
  void consoleAccountsOnly() throws Exception {
    for (String url : List.of(json, docx)) {
      assertEquals(401, Http.get(url).statusCode(), url);
      assertEquals(401, Http.get(url, "not-a-token").statusCode(), url);
      HttpResponse<String> kiosk = Http.get(url, server.token("Kiosk 1"));
      assertEquals(403, kiosk.statusCode(), url);
      assertEquals("FORBIDDEN", new JsonObject(kiosk.body()).getString("code"));
      assertFalse(kiosk.body().contains("王阿姨"));
    }
  }

  @Test
  @DisplayName("staff, cadres and grid workers read the stored minutes whole, with id for _id")
  void staffReadAll() throws Exception {
    for (String account : List.of("staff", "cadre", "grid", "admin")) {
      HttpResponse<String> response = Http.get(json, server.login(account));
      assertEquals(200, response.statusCode(), account);
      assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
      JsonObject minutes = new JsonObject(response.body());
      JsonObject expected = MinutesFixture.minutes();
      expected.put("id", expected.remove("_id"));
      assertEquals(expected, minutes, account);
    }
  }

  @Test
  @DisplayName("a read-only account gets the minutes without any attendee's name: attendance lists, speakers, refusals, roll calls")
  void viewerWithoutNames() throws Exception {
    Await.result(server.app.accounts().save("street", "街道观察员", Identity.Role.VIEWER, "viewer-password", List.of()));
    String viewer = Http.login(server.baseUrl(), "street", "viewer-password");
    HttpResponse<String> response = Http.get(json, viewer);
    assertEquals(200, response.statusCode());
    JsonObject minutes = new JsonObject(response.body());
    JsonObject attendance = minutes.getJsonObject("attendance");
    for (String key : List.of("present_names", "absent_names", "walkIn_names")) {
      assertFalse(attendance.containsKey(key), key);
    }
    assertEquals(8, attendance.getInteger("present"));
    assertEquals(4, attendance.getJsonArray("byKind").size());
    for (String name : List.of("王阿姨", "赵师傅", "孙大爷", "冯奶奶", "陈先生", MinutesFixture.WALK_IN)) {
      assertFalse(response.body().contains(name), name);
    }
    JsonObject named = minutes.getJsonArray("matters").getJsonObject(0).getJsonArray("votes").getJsonObject(0);
    assertNull(named.getValue("rollCall"));
    assertEquals(6, named.getJsonObject("tally").getInteger("for"));
    assertFalse(minutes.getBoolean("personal"));
    assertTrue(response.body().contains(MinutesFixture.NAMED_MOTION) && response.body().contains("李书记"));

    HttpResponse<byte[]> file = bytes(docx, viewer);
    assertEquals(200, file.statusCode());
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.body()))) {
      String text = MinutesDocxTest.text(doc);
      assertTrue(text.contains(MinutesFixture.NAMED_MOTION));
      assertFalse(text.contains("王阿姨") || text.contains(MinutesFixture.WALK_IN));
    }
  }

  @Test
  @DisplayName("the Word file downloads as 会议记录.docx, not cached, and opens with every matter in it")
  void wordFile() throws Exception {
    HttpResponse<byte[]> response = bytes(docx, server.login("staff"));
    assertEquals(200, response.statusCode());
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        response.headers().firstValue("content-type").orElse(""));
    String disposition = response.headers().firstValue("Content-Disposition").orElse("");
    assertTrue(disposition.startsWith("attachment;") && disposition.contains("filename=\"minutes.docx\"")
        && disposition.contains("filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E8%AE%B0%E5%BD%95.docx"), disposition);
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
      String text = MinutesDocxTest.text(doc);
      assertTrue(text.contains(MinutesFixture.ELEVATOR) && text.contains(MinutesFixture.CLUTTER), text);
      assertTrue(text.contains("王阿姨"));
    }
  }

  @Test
  @DisplayName("an unknown meeting and a malformed id are 404 NOT_FOUND; a meeting not yet closed has no minutes, 409 MINUTES_NOT_READY")
  void noMinutes() throws Exception {
    String staff = server.login("staff");
    for (String id : List.of("0123456789abcdef01234567", "not-a-meeting", "00000000000000000000b00%7B%7D")) {
      for (String suffix : List.of("/minutes", "/minutes.docx")) {
        HttpResponse<String> response = Http.get(server.baseUrl() + "/api/meetings/" + id + suffix, staff);
        assertEquals(404, response.statusCode(), id + suffix);
        JsonObject failure = new JsonObject(response.body());
        assertEquals("NOT_FOUND", failure.getString("code"));
        assertEquals("没有这个会议", failure.getString("message"));
      }
    }
    Await.result(server.app.db().mongo().removeDocument("minutes", new JsonObject().put("_id", MinutesFixture.MEETING)));
    HttpResponse<String> notClosed = Http.get(json, staff);
    assertEquals(409, notClosed.statusCode());
    assertEquals("MINUTES_NOT_READY", new JsonObject(notClosed.body()).getString("code"));
  }
}
