package org.shangliang.community;

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
import org.shangliang.request.InformDeadline;
import org.shangliang.request.RequestStore;
import org.shangliang.request.RequestVerticle;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.TestServer;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The time zone an administrator saves for the community is the one its deadlines and papers are
 * counted in, from the next command on, whatever the server's own zone: 办完即反's deadline and
 * the audit log's spreadsheet here.
 */
class CommunityTimeZoneTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  TestServer server;
  BridgeClient admin;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    admin = server.bridge(server.login("admin"));
    staff = server.bridge(server.login("staff"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  @DisplayName("办完即反's deadline is the end of the last working day in the community's saved time zone, in the request and in the due list")
  void informDeadlineFollowsTheCommunitysZone() {
    String id = doneRequest();
    // Friday 21:00 in New York is already Saturday 10:00 in Shanghai: the two count from different days
    long doneAt = LocalDateTime.parse("2026-03-06T21:00").atZone(NEW_YORK).toInstant().toEpochMilli();
    moveCompletionTo(id, doneAt);
    long inShanghai = InformDeadline.dueAt(doneAt, 3, SHANGHAI);
    long inNewYork = InformDeadline.dueAt(doneAt, 3, NEW_YORK);
    assertNotEquals(inShanghai, inNewYork);
    assertEquals(inShanghai, informDueAt(id), "until a zone is saved, the default (Asia/Shanghai)");

    saveTimeZone("America/New_York");
    assertEquals(inNewYork, informDueAt(id));
    assertEquals(LocalDateTime.parse("2026-03-11T23:59:59.999").atZone(NEW_YORK).toInstant().toEpochMilli(), inNewYork,
        "Friday + 3 working days is the end of Wednesday in New York");
    JsonArray overdue = Await.result(request(staff, "informsDue", new JsonObject())).getJsonArray("overdue");
    assertEquals(inNewYork, overdue.stream().map(JsonObject.class::cast).filter(l -> id.equals(l.getString("id")))
        .findFirst().orElseThrow().getLong("informDueAt"), "the due list counts the same way");
  }

  @Test
  @DisplayName("the audit CSV gives times, and its file name the day, in the community's saved time zone, not the server's")
  void auditCsvFollowsTheCommunitysZone() throws Exception {
    saveTimeZone("America/New_York");
    long savedAt = Await.result(admin.request("admin.cmd", new JsonObject().put("action", "listAudit")
            .put("auditAction", "saveCommunity"))).getJsonArray("entries").getJsonObject(0).getLong("at");
    String token = server.login("admin");

    HttpResponse<String> inNewYork = csv(token);
    assertEquals(200, inNewYork.statusCode(), inNewYork.body());
    assertEquals(local(savedAt, NEW_YORK), timeOfFirst(inNewYork.body(), "saveCommunity"));
    assertTrue(inNewYork.headers().firstValue("content-disposition").orElse("")
        .contains("audit-" + LocalDate.now(NEW_YORK) + ".csv"), inNewYork.headers().toString());

    saveTimeZone("Asia/Shanghai");
    HttpResponse<String> inShanghai = csv(token);
    assertEquals(local(savedAt, SHANGHAI), timeOfFirst(inShanghai.body(), "saveCommunity"));
  }

  String doneRequest() {
    JsonObject entered = Await.result(request(staff, "enterRequest", new JsonObject().put("channel", "PHONE")
        .put("kind", "楼院设施").put("what", "3号楼2单元楼道灯坏了一个多月，晚上老人下楼看不见路").put("gridId", DemoData.GRID_IDS[0])
        .put("building", "3号楼").put("name", "赵阿婆").put("phone", "13912345678")));
    String id = entered.getJsonObject("request").getString("id");
    Await.result(request(staff, "takeRequest", new JsonObject().put("id", id)));
    Await.result(request(staff, "agreeRequest", new JsonObject().put("id", id).put("task", "更换楼道灯").put("responsible", "物业")
        .put("dueAt", System.currentTimeMillis() + 86_400_000L).put("residentConfirmedBy", "赵阿婆")));
    Await.result(request(staff, "completeRequest", new JsonObject().put("id", id).put("note", "已更换")));
    return id;
  }

  void moveCompletionTo(String id, long at) {
    JsonObject doc = Await.result(server.app.db().mongo().findOne(RequestStore.REQUESTS, new JsonObject().put("_id", id), null));
    doc.getJsonArray("completions").getJsonObject(0).put("at", at);
    Await.result(server.app.db().mongo().save(RequestStore.REQUESTS, doc));
  }

  long informDueAt(String id) {
    return Await.result(request(staff, "getRequest", new JsonObject().put("id", id))).getJsonObject("request")
        .getLong("informDueAt");
  }

  void saveTimeZone(String zone) {
    Await.result(admin.request("community.cmd", new JsonObject().put("action", "saveCommunity").put("name", "仓后街社区")
        .put("timeZone", zone)));
  }

  static Future<JsonObject> request(BridgeClient client, String action, JsonObject params) {
    return client.request(RequestVerticle.COMMANDS, params.copy().put("action", action));
  }

  HttpResponse<String> csv(String token) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/audit.csv?action=saveCommunity"))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String local(long at, ZoneId zone) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(at), zone).truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  /** The 时间 of the oldest row of {@code action} (the file is newest first). */
  static String timeOfFirst(String csv, String action) throws Exception {
    List<CSVRecord> rows = CSVParser.parse(new StringReader(csv.substring(1)),
        CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
    return rows.stream().filter(r -> action.equals(r.get("操作"))).reduce((newer, older) -> older).orElseThrow().get("时间");
  }
}
