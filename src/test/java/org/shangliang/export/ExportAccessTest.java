package org.shangliang.export;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.support.TestServer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may download an export, what a bad filter or an unknown export answers, and the file's name. */
class ExportAccessTest {
  static TestServer server;
  static String staff;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    staff = server.login("staff");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<byte[]> get(String path, String bearer) throws Exception {
    return Downloads.get(server.baseUrl() + path, bearer);
  }

  static JsonObject error(HttpResponse<byte[]> response) {
    return new JsonObject(new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("every export is 401 without a session and 403 for a kiosk, in both formats")
  void consoleAccountsOnly() throws Exception {
    String kiosk = server.token("Kiosk 1");
    for (ExportName name : ExportName.values()) {
      for (String format : List.of("xlsx", "csv")) {
        String path = "/api/exports/" + name.route() + "." + format;
        assertEquals(401, get(path, null).statusCode(), path);
        assertEquals(401, get(path, "not-a-token").statusCode(), path);
        HttpResponse<byte[]> refused = get(path, kiosk);
        assertEquals(403, refused.statusCode(), path);
        assertEquals("FORBIDDEN", error(refused).getString("code"));
        assertEquals(200, get(path, staff).statusCode(), path);
      }
    }
  }

  @Test
  @DisplayName("a bad filter is 400 BAD_REQUEST with a Chinese message; an unknown export or format is 404")
  void refusals() throws Exception {
    for (String path : List.of("/api/exports/meetings.xlsx?from=2025-13-01", "/api/exports/meetings.csv?from=2025-3-1",
        "/api/exports/meetings.csv?from=2025-03-02&to=2025-03-01", "/api/exports/requests.csv?gridId=x",
        "/api/exports/rates.xlsx?from=2025-02&to=2025-01", "/api/exports/rates.csv?from=2020-01&to=2025-01",
        "/api/exports/rates.csv?from=soon", "/api/exports/resolutions.csv?status=DONE",
        "/api/exports/members.xlsx?name=x", "/api/exports/meetings.csv?from=2025-01-01&from=2025-02-01",
        "/api/exports/meetings.xlsx?where=1")) {
      HttpResponse<byte[]> response = get(path, staff);
      assertEquals(400, response.statusCode(), path);
      JsonObject body = error(response);
      assertEquals("BAD_REQUEST", body.getString("code"), path);
      assertTrue(body.getString("message").codePoints().anyMatch(c -> c >= 0x4E00), path + ": " + body);
    }
    for (String path : List.of("/api/exports/votes.xlsx", "/api/exports/meetings.pdf", "/api/exports/meetings",
        "/api/exports/.csv")) {
      HttpResponse<byte[]> response = get(path, staff);
      assertEquals(404, response.statusCode(), path);
      assertEquals("NOT_FOUND", error(response).getString("code"), path);
    }
  }

  @Test
  @DisplayName("a download is an attachment named in ASCII and in Chinese, with its type, never cached, and audited")
  void fileName() throws Exception {
    HttpResponse<byte[]> book = get("/api/exports/meetings.xlsx", staff);
    assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        book.headers().firstValue("content-type").orElse(""));
    assertEquals("attachment; filename=\"meetings.xlsx\"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE.xlsx",
        book.headers().firstValue("Content-Disposition").orElse(""));
    assertEquals("no-store", book.headers().firstValue("Cache-Control").orElse(""));
    HttpResponse<byte[]> csv = get("/api/exports/requests.csv", staff);
    assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("content-type").orElse(""));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"requests.csv\""));
    long audited = org.shangliang.support.Await.result(server.app.db().mongo().count("audit", new JsonObject()
        .put("area", Exports.AREA).put("params.name", "requests").put("params.format", "csv")));
    assertTrue(audited >= 1, "the download is in the audit log");
  }
}
