package org.shangliang.member;

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
import org.shangliang.common.AuditLog;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.Identity;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register of members over the bridge and as CSV files, against a real server. */
class MembersTest {
  static final String GRID_1 = "000000000000000000001001";
  static final String GRID_2 = "000000000000000000001002";
  static final String HEADER = "姓名,身份类别,党员,社区能人,网格,楼栋,电话,备注,状态";
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  TestServer server;
  String staffToken;
  BridgeClient staff;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    // these tests start from an empty register (the demo seeds its meeting's ten members)
    Await.result(server.app.db().mongo().removeDocuments(MemberStore.COLLECTION, new JsonObject()));
    staffToken = server.login("staff");
    staff = server.bridge(staffToken);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static Future<JsonObject> send(BridgeClient client, String action, JsonObject params) {
    return client.request(ConsoleAddresses.MEMBERS, params.copy().put("action", action));
  }

  static JsonObject member(String name, String gridId, String phone, String... kinds) {
    JsonObject m = new JsonObject().put("name", name).put("kinds", new JsonArray(List.of((Object[]) kinds)))
        .put("partyMember", true).put("capable", false).put("building", "3幢").put("note", "腿脚不便，开会请提前电话");
    if (gridId != null) {
      m.put("gridId", gridId);
    }
    return phone == null ? m : m.put("phone", phone);
  }

  JsonObject save(BridgeClient client, JsonObject member) {
    return Await.result(send(client, "saveMember", member)).getJsonObject("member");
  }

  List<JsonObject> list(BridgeClient client, JsonObject filters) {
    return Await.result(send(client, "listMembers", filters)).getJsonArray("members").stream()
        .map(JsonObject.class::cast).toList();
  }

  List<JsonObject> audit(String action) {
    return Await.result(server.app.db().mongo().find(AuditLog.COLLECTION,
        new JsonObject().put("area", "member").put("action", action)));
  }

  HttpResponse<String> postCsv(String token, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/members.csv"))
        .timeout(Duration.ofSeconds(30)).header("content-type", "text/csv; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static byte[] withBom(String text) {
    return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
  }

  /** Twenty members as a community would list them: several kinds, both grids, a hostile name, a long note. */
  static List<List<String>> twentyRows() {
    String[] names = {"张建国", "李秀英", "王德福", "赵丽华", "陈志强", "刘桂兰", "杨振华", "黄美玲", "周国庆", "吴淑珍",
        "徐卫东", "孙玉梅", "马晓光", "朱红霞", "胡永平", "郭素琴", "何建平", "高秀兰", "林=HYPERLINK(\"x\")", "=1+2"};
    String[] kinds = {"召集人", "网格员、群众代表", "物业公司代表", "业主委员会成员、群众代表", "市区政协委员", "网格警长",
        "法律工作者", "群众代表", "社会组织代表", "群众代表、社会组织代表"};
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      rows.add(List.of(names[i], kinds[i % kinds.length], i % 3 == 0 ? "是" : "否", i % 4 == 0 ? "是" : "否",
          i % 2 == 0 ? "第一网格" : "第二网格", (i % 7 + 1) + "幢" + (i % 3 + 1) + "单元",
          i == 7 ? "" : "1380013" + String.format("%04d", i), i == 5 ? "独居老人，\"每周\"探访一次，\n有事找女儿" : "",
          i == 19 ? "停用" : "在册"));
    }
    return rows;
  }

  static String csv(List<List<String>> rows) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (List<String> row : rows) {
      out.append(row.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","))).append("\r\n");
    }
    return out.toString();
  }

  static List<List<String>> parse(String csv) throws Exception {
    assertTrue(csv.startsWith("\uFEFF"), "the export starts with a byte-order mark for Excel");
    try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)), CSVFormat.EXCEL)) {
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
      return rows;
    }
  }

  @Test
  @DisplayName("twenty members imported from a CSV with a BOM come back the same in the export, and importing it again updates them")
  void importExportRoundTrip() throws Exception {
    List<List<String>> rows = twentyRows();
    HttpResponse<String> imported = postCsv(staffToken, withBom(csv(rows)));
    assertEquals(200, imported.statusCode(), imported.body());
    JsonObject report = new JsonObject(imported.body());
    assertEquals(20, report.getInteger("imported"));
    assertEquals(0, report.getInteger("updated"));
    assertTrue(report.getJsonArray("errors").isEmpty());

    HttpResponse<String> exported = Http.get(server.baseUrl() + "/api/members.csv", staffToken);
    assertEquals(200, exported.statusCode());
    assertTrue(exported.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    List<List<String>> back = parse(exported.body());
    assertEquals(List.of(HEADER.split(",")), back.get(0));
    assertEquals(21, back.size());
    List<List<String>> plain = back.subList(1, 21).stream().map(r -> r.stream()
        .map(c -> c.startsWith("'=") ? c.substring(1) : c).toList()).toList();
    assertEquals(Set.copyOf(rows), Set.copyOf(plain), "every cell comes back as imported");
    assertTrue(back.stream().anyMatch(r -> r.get(0).equals("'=1+2")), "a name a spreadsheet would run as a formula is written inert");

    report = new JsonObject(postCsv(staffToken, exported.body().getBytes(StandardCharsets.UTF_8)).body());
    assertEquals(0, report.getInteger("imported"), "the same people are updated, not added again");
    assertEquals(20, report.getInteger("updated"));
    assertEquals(20, list(staff, new JsonObject().put("includeInactive", true)).size());
    assertEquals(19, list(staff, new JsonObject()).size(), "a member marked 停用 is left out unless asked for");
  }

  @Test
  @DisplayName("the list is sorted by name as a Chinese list, and filters by kind, grid and text")
  void listFilters() throws Exception {
    assertEquals(200, postCsv(staffToken, withBom(csv(twentyRows()))).statusCode());
    List<JsonObject> all = list(staff, new JsonObject());
    List<String> names = all.stream().map(m -> m.getString("name")).toList();
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(Collator.getInstance(Locale.CHINA));
    assertEquals(sorted, names);

    List<JsonObject> reps = list(staff, new JsonObject().put("kind", "RESIDENT_REP"));
    assertEquals(Set.of("李秀英", "赵丽华", "黄美玲", "吴淑珍", "孙玉梅", "朱红霞", "高秀兰"),
        reps.stream().map(m -> m.getString("name")).collect(Collectors.toSet()));
    assertTrue(reps.stream().allMatch(m -> m.getJsonArray("kinds").contains("RESIDENT_REP")));
    assertTrue(list(staff, new JsonObject().put("gridId", GRID_2)).stream().allMatch(m -> GRID_2.equals(m.getString("gridId"))));
    assertEquals(List.of("王德福"), list(staff, new JsonObject().put("text", "德福")).stream().map(m -> m.getString("name")).toList());
    assertEquals(1, list(staff, new JsonObject().put("text", "=HYPERLINK(")).size(), "text is matched as written, not as a pattern");
  }

  @Test
  @DisplayName("a CSV with an unknown kind, an unknown grid, a missing name saves nothing and names each row")
  void badCsvSavesNothing() throws Exception {
    String bad = HEADER + "\n"
        + "张建国,召集人,是,否,第一网格,1幢,13800130000,,在册\n"
        + "李秀英,村长,否,否,第一网格,,,,\n"
        + "王德福,群众代表,否,否,第九网格,,,,\n"
        + ",群众代表,否,否,第一网格,,,,\n"
        + "赵丽华,群众代表,也许,否,第一网格,,12ab,,\n";
    HttpResponse<String> response = postCsv(staffToken, bad.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, response.statusCode(), response.body());
    JsonObject report = new JsonObject(response.body());
    assertEquals("MEMBER_IMPORT_REJECTED", report.getString("code"));
    assertEquals(0, report.getInteger("imported"));
    List<String> errors = report.getJsonArray("errors").stream().map(JsonObject.class::cast)
        .map(e -> e.getLong("row") + ":" + e.getString("field")).toList();
    assertEquals(List.of("3:身份类别", "4:网格", "5:姓名", "6:党员", "6:电话"), errors);
    assertTrue(report.getJsonArray("errors").getJsonObject(0).getString("message").contains("村长"));
    assertTrue(list(staff, new JsonObject().put("includeInactive", true)).isEmpty(), "not even the good first row is saved");
    assertTrue(audit("importMembers").isEmpty());

    StringBuilder tooMany = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 2001; i++) {
      tooMany.append("成员").append(i).append(",群众代表,否,否,第一网格,,,,\n");
    }
    report = new JsonObject(postCsv(staffToken, tooMany.toString().getBytes(StandardCharsets.UTF_8)).body());
    assertEquals(1, report.getJsonArray("errors").size());
    assertEquals(2002L, report.getJsonArray("errors").getJsonObject(0).getLong("row"), "the first row past the limit is named");
    assertTrue(list(staff, new JsonObject()).isEmpty());

    report = new JsonObject(postCsv(staffToken, "名字,身份\n张三,群众代表\n".getBytes(StandardCharsets.UTF_8)).body());
    assertEquals("1:名字", report.getJsonArray("errors").stream().map(JsonObject.class::cast)
        .map(e -> e.getLong("row") + ":" + e.getString("field")).findFirst().orElseThrow());
    report = new JsonObject(postCsv(staffToken, (HEADER + "\n张三,群众代表\n张三,网格员\n").getBytes(StandardCharsets.UTF_8)).body());
    assertEquals(3L, report.getJsonArray("errors").getJsonObject(0).getLong("row"), "the same person twice in one file");
    assertTrue(list(staff, new JsonObject()).isEmpty());
  }

  @Test
  @DisplayName("an import that is not CSV, too large, or anonymous is refused by name")
  void importRefusals() throws Exception {
    assertEquals(401, postCsv(null, withBom(csv(twentyRows()))).statusCode());
    HttpResponse<String> json = Http.post(server.baseUrl() + "/api/members.csv", "{}", staffToken);
    assertEquals("BAD_REQUEST", new JsonObject(json.body()).getString("code"));
    HttpResponse<String> huge = postCsv(staffToken, new byte[600 * 1024]);
    assertEquals(413, huge.statusCode());
    assertEquals("TOO_LARGE", new JsonObject(huge.body()).getString("code"));
    assertEquals(401, Http.get(server.baseUrl() + "/api/members.csv", "not-a-token").statusCode());
  }

  @Test
  @DisplayName("the grid worker of 第一网格 can neither list, read, save nor deactivate a member of 第二网格, and exports only their grid")
  void gridWorkerStaysInTheirGrid() throws Exception {
    JsonObject mine = save(staff, member("网格一居民", GRID_1, "13900000001", "RESIDENT_REP"));
    JsonObject theirs = save(staff, member("网格二居民", GRID_2, "13900000002", "RESIDENT_REP", "LEGAL"));
    save(staff, member("社区层面成员", null, null, "CPPCC"));
    String gridToken = server.login("grid");
    BridgeClient grid = server.bridge(gridToken);

    assertEquals(List.of("网格一居民"), list(grid, new JsonObject()).stream().map(m -> m.getString("name")).toList());
    assertEquals("13900000001", list(grid, new JsonObject()).get(0).getString("phone"), "their own members' phones they see");
    Await.failure(send(grid, "listMembers", new JsonObject().put("gridId", GRID_2)), "FORBIDDEN");
    String id = theirs.getString("id");
    Await.failure(send(grid, "getMember", new JsonObject().put("id", id)), "NOT_FOUND");
    Await.failure(send(grid, "saveMember", member("改名", GRID_1, null, "LEGAL").put("id", id)), "NOT_FOUND");
    Await.failure(send(grid, "setMemberActive", new JsonObject().put("id", id).put("active", false)), "NOT_FOUND");
    Await.failure(send(grid, "saveMember", member("新人", GRID_2, null, "LEGAL")), "FORBIDDEN");
    Await.failure(send(grid, "saveMember", member("没有网格", null, null, "LEGAL")), "FORBIDDEN");
    Await.failure(send(grid, "saveMember", member("网格一居民", GRID_2, "13900000001", "RESIDENT_REP")
        .put("id", mine.getString("id"))), "FORBIDDEN");
    JsonObject unchanged = Await.result(send(staff, "getMember", new JsonObject().put("id", id))).getJsonObject("member");
    assertEquals(theirs, unchanged, "nothing of 第二网格's member changed");

    JsonObject renamed = save(grid, member("网格一居民（新）", GRID_1, "13900000001", "RESIDENT_REP").put("id", mine.getString("id")));
    assertEquals("网格一居民（新）", renamed.getString("name"), "their own members they may change");

    List<List<String>> exported = parse(Http.get(server.baseUrl() + "/api/members.csv", gridToken).body());
    assertEquals(List.of("网格一居民（新）"), exported.subList(1, exported.size()).stream().map(r -> r.get(0)).toList());
    assertTrue(exported.subList(1, exported.size()).stream().allMatch(r -> r.get(4).equals("第一网格")));

    JsonObject report = new JsonObject(postCsv(gridToken, withBom(HEADER + "\n外网格人,群众代表,否,否,第二网格,,,,\n")).body());
    assertEquals("2:网格", report.getJsonArray("errors").getJsonObject(0).getLong("row") + ":"
        + report.getJsonArray("errors").getJsonObject(0).getString("field"));
    report = new JsonObject(postCsv(gridToken, withBom(HEADER + "\n网格二居民,群众代表,否,否,第一网格,,13900000002,,\n")).body());
    assertFalse(report.getJsonArray("errors").isEmpty(), "a file cannot take over another grid's member");
    assertEquals(3, list(staff, new JsonObject()).size());
  }

  @Test
  @DisplayName("a viewer reads the register but never receives a phone number or a note, and changes nothing")
  void viewerNeverSeesPhones() throws Exception {
    JsonObject saved = save(staff, member("王阿姨", GRID_1, "13812345678", "RESIDENT_REP"));
    Await.result(server.app.accounts().save("viewer1", "只读查看员", Identity.Role.VIEWER, "viewer-password-1", List.of()));
    String viewerToken = Http.login(server.baseUrl(), "viewer1", "viewer-password-1");
    BridgeClient viewer = server.bridge(viewerToken);

    JsonObject listed = Await.result(send(viewer, "listMembers", new JsonObject()));
    assertFalse(listed.encode().contains("13812345678"));
    assertFalse(listed.encode().contains("腿脚不便"));
    assertFalse(listed.getBoolean("personal"));
    assertFalse(listed.getBoolean("editable"));
    JsonObject got = Await.result(send(viewer, "getMember", new JsonObject().put("id", saved.getString("id"))));
    assertNull(got.getJsonObject("member").getString("phone"));
    assertFalse(got.encode().contains("13812345678"));
    String exported = Http.get(server.baseUrl() + "/api/members.csv", viewerToken).body();
    assertTrue(exported.contains("王阿姨"));
    assertFalse(exported.contains("13812345678"));
    assertFalse(exported.contains("腿脚不便"));

    Await.failure(send(viewer, "saveMember", member("李大爷", GRID_1, null, "RESIDENT_REP")), "FORBIDDEN");
    Await.failure(send(viewer, "setMemberActive", new JsonObject().put("id", saved.getString("id")).put("active", false)), "FORBIDDEN");
    assertEquals(403, postCsv(viewerToken, withBom(HEADER + "\n李大爷,群众代表,否,否,第一网格,,,,\n")).statusCode());
    assertEquals(1, list(staff, new JsonObject()).size());
  }

  @Test
  @DisplayName("a command outside the schema is refused with BAD_REQUEST and saves nothing")
  void schemaRefusals() {
    List<JsonObject> bad = List.of(
        member("名".repeat(41), GRID_1, null, "LEGAL"),
        member("", GRID_1, null, "LEGAL"),
        member("   ", GRID_1, null, "LEGAL"),
        member("换行\n的名字", GRID_1, null, "LEGAL"),
        member("没有身份", GRID_1, null),
        member("居民不是成员类别", GRID_1, null, "RESIDENT"),
        member("未知类别", GRID_1, null, "MAYOR"),
        member("重复类别", GRID_1, null, "LEGAL", "LEGAL"),
        member("电话不对", GRID_1, "138-abc-0000", "LEGAL"),
        member("楼栋太长", GRID_1, null, "LEGAL").put("building", "楼".repeat(21)),
        member("备注太长", GRID_1, null, "LEGAL").put("note", "备".repeat(201)),
        member("多余字段", GRID_1, null, "LEGAL").put("idCard", "330102199001011234"),
        member("网格不对", "not-an-id", null, "LEGAL"));
    for (JsonObject m : bad) {
      Await.failure(send(staff, "saveMember", m), "BAD_REQUEST");
    }
    Await.failure(send(staff, "setMemberActive", new JsonObject().put("id", "000000000000000000000001")), "BAD_REQUEST");
    Await.failure(send(staff, "listMembers", new JsonObject().put("kind", "RESIDENT")), "BAD_REQUEST");
    Await.failure(send(staff, "saveMember", member("未知网格", "0000000000000000000009ff", null, "LEGAL")), "NOT_FOUND");
    assertTrue(list(staff, new JsonObject().put("includeInactive", true)).isEmpty());
    assertTrue(audit("saveMember").isEmpty());
  }

  @Test
  @DisplayName("every change is audited without phone numbers; a second record of the same person is refused")
  void changesAreAudited() throws Exception {
    JsonObject saved = save(staff, member("陈志强", GRID_1, "13800001111", "CPPCC"));
    save(staff, member("陈志强", GRID_1, "13800001111", "CPPCC", "LEGAL").put("id", saved.getString("id")));
    Await.result(send(staff, "setMemberActive", new JsonObject().put("id", saved.getString("id")).put("active", false)));
    assertEquals(200, postCsv(staffToken, withBom(HEADER + "\n周国庆,群众代表,是,是,第二网格,5幢,13800002222,,\n")).statusCode());
    Await.failure(send(staff, "saveMember", member("陈志强", GRID_2, "13800001111", "LEGAL")), "MEMBER_DUPLICATE");

    List<JsonObject> saves = audit("saveMember");
    assertEquals(2, saves.size());
    assertEquals(List.of(true, false), saves.stream().map(e -> e.getJsonObject("params").getBoolean("created")).toList());
    assertEquals("staff", saves.get(0).getJsonObject("actor").getString("id"));
    JsonObject deactivated = audit("setMemberActive").get(0).getJsonObject("params");
    assertEquals(saved.getString("id"), deactivated.getString("id"));
    assertFalse(deactivated.getBoolean("active"));
    JsonObject imported = audit("importMembers").get(0).getJsonObject("params");
    assertEquals(1, imported.getInteger("imported"));
    assertEquals(0, imported.getInteger("updated"));
    List<JsonObject> all = Await.result(server.app.db().mongo().find(AuditLog.COLLECTION, new JsonObject().put("area", "member")));
    assertEquals(4, all.size());
    assertTrue(all.stream().noneMatch(e -> e.encode().contains("1380000") || e.encode().contains("腿脚不便")),
        "no phone number or note in the audit");
    JsonObject stored = Await.result(server.app.db().mongo().findOne(MemberStore.COLLECTION,
        new JsonObject().put("_id", saved.getString("id")), null));
    assertTrue(stored.getString("_id").matches("[0-9a-f]{24}"), "an ObjectId, for attendees to refer to");
    assertEquals(List.of("CPPCC", "LEGAL"), stored.getJsonArray("kinds").getList());
  }
}
