package org.shangliang.request;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.qr.QrTokens;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Await;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read-only Open311 GeoReport v2 endpoint as a civic tool would read it. */
class Open311Test {
  TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  JsonArray get(String path) throws Exception {
    var response = Http.get(server.baseUrl() + "/open311/v2" + path);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    return new JsonArray(response.body());
  }

  @Test
  @DisplayName("services are the request kinds, and requests carry the public GeoReport fields with open/closed status")
  void servicesAndRequests() throws Exception {
    JsonArray services = get("/services.json");
    assertEquals(6, services.size());
    assertEquals(Set.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group"),
        services.getJsonObject(0).fieldNames());
    BridgeClient kiosk = server.bridge(server.token("Kiosk 1"));
    BridgeClient staff = server.bridge(server.login("staff"));
    String number = Await.result(kiosk.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "fileRequest")
        .put("kind", "环境卫生").put("what", "垃圾桶满了").put("gridId", DemoData.GRID_IDS[1]).put("building", "7号楼")
        .put("name", "孙先生"))).getString("number");
    JsonObject request = get("/requests/" + number + ".json").getJsonObject(0);
    assertEquals(Set.of("service_request_id", "status", "status_notes", "service_name", "service_code", "description",
        "agency_responsible", "requested_datetime", "updated_datetime", "address"), request.fieldNames());
    assertEquals(number, request.getString("service_request_id"));
    assertEquals("open", request.getString("status"));
    assertEquals("第二网格 7号楼", request.getString("address"));
    assertEquals("环境卫生 · 第二网格 · 7号楼", request.getString("description"));
    assertTrue(request.getString("requested_datetime").endsWith("+08:00"), request.getString("requested_datetime"));
    assertEquals(1, get("/requests.json?status=open").size());
    assertEquals(0, get("/requests.json?status=closed").size());
    assertEquals(0, get("/requests.json?service_code=" + java.net.URLEncoder.encode("楼院设施", "UTF-8")).size());
    String id = Await.result(staff.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "listRequests")))
        .getJsonArray("requests").getJsonObject(0).getString("id");
    Await.result(staff.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "transferRequest").put("id", id)
        .put("toType", "UNIT").put("toName", "环卫所").put("reason", "属环卫清运")));
    assertEquals("环卫所", get("/requests/" + number + ".json").getJsonObject(0).getString("agency_responsible"));
    assertEquals(404, Http.get(server.baseUrl() + "/open311/v2/requests/0000-0000.json").statusCode());
  }

  @Test
  @DisplayName("a request's description is its public title and its address leaves out a place typed as free text; nothing the resident wrote is shown")
  void publicTitleOnly() throws Exception {
    String words = "3栋2单元501 张秀英 13812345678 身份证 110101195003071234";
    String report = server.app.tokens().sign(QrTokens.Purpose.REPORT, DemoData.GRID_IDS[0], DemoData.BOARD_1);
    var filed = Http.post(server.baseUrl() + "/api/requests", new JsonObject().put("token", report).put("kind", "安全隐患")
        .put("what", "井盖松动 " + words).put("gridId", DemoData.GRID_IDS[0]).put("building", "3栋2单元501 张秀英").encode(), null);
    assertEquals(201, filed.statusCode(), filed.body());
    String number = new JsonObject(filed.body()).getString("number");
    JsonObject request = get("/requests/" + number + ".json").getJsonObject(0);
    assertEquals("安全隐患 · 第一网格", request.getString("description"));
    assertEquals("第一网格", request.getString("address"));
    assertEquals("安全隐患", request.getString("service_name"));
    for (String path : List.of("/requests/" + number + ".json", "/requests.json", "/requests.json?status=open")) {
      String body = get(path).encode();
      for (String typed : List.of("张秀英", "13812345678", "110101195003071234", "3栋2单元501", "井盖松动")) {
        assertFalse(body.contains(typed), path + " shows " + typed + ": " + body);
      }
    }
    BridgeClient staff = server.bridge(server.login("staff"));
    String id = Await.result(staff.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "listRequests")))
        .getJsonArray("requests").getJsonObject(0).getString("id");
    Await.result(staff.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "setPublicTitle").put("id", id)
        .put("title", "第一网格井盖维修")));
    assertEquals("第一网格井盖维修", get("/requests/" + number + ".json").getJsonObject(0).getString("description"));
  }
}
