package org.shangliang.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;
import org.shangliang.support.TestServer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The language of the community's kiosks and displays: part of the community document on
 * community.cmd (administrators change it, audited), and read by the pages without signing in from
 * GET /api/community/language.
 */
class CommunityLanguageTest {
  TestServer server;
  BridgeClient admin;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    admin = server.bridge(server.login("admin"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  static Future<JsonObject> send(BridgeClient client, String action, JsonObject params) {
    return client.request(ConsoleAddresses.COMMUNITY, params.copy().put("action", action));
  }

  static JsonObject community(String language) {
    JsonObject c = new JsonObject().put("name", "仓后街社区").put("street", "某某街道").put("timeZone", "Asia/Shanghai");
    return language == null ? c : c.put("language", language);
  }

  String publicLanguage() throws Exception {
    var response = Http.get(server.baseUrl() + "/api/community/language");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    return new JsonObject(response.body()).getString("language");
  }

  @Test
  @DisplayName("Chinese until an administrator chooses English; the pages read it without signing in, and saving without a language keeps it")
  void administratorChoosesTheLanguage() throws Exception {
    assertEquals("zh-CN", Await.result(send(admin, "getCommunity", new JsonObject())).getString("language"));
    assertEquals("zh-CN", publicLanguage());
    JsonObject saved = Await.result(send(admin, "saveCommunity", community("en"))).getJsonObject("community");
    assertEquals("en", saved.getString("language"));
    assertEquals("en", publicLanguage());
    Await.result(send(admin, "saveCommunity", community(null)));
    assertEquals("en", publicLanguage(), "a save that names no language keeps the one chosen");
    Await.result(send(admin, "saveCommunity", community("zh-CN")));
    assertEquals("zh-CN", publicLanguage());
    long audited = Await.result(server.app.db().mongo().count("audit", new JsonObject().put("area", "community")
        .put("action", "saveCommunity").put("params.language", "en")));
    assertEquals(1, audited, "the change of language is in the audit log");
  }

  @Test
  @DisplayName("a language other than zh-CN or en is refused by the schema and changes nothing")
  void onlyKnownLanguages() throws Exception {
    Await.result(send(admin, "saveCommunity", community("en")));
    for (String language : List.of("fr", "zh", "EN", "", "zh-CN<script>")) {
      Await.failure(send(admin, "saveCommunity", community(language)), "BAD_REQUEST");
    }
    Await.failure(send(admin, "saveCommunity", community("en").put("language", 1)), "BAD_REQUEST");
    assertEquals("en", publicLanguage());
  }

  @Test
  @DisplayName("only an administrator changes the language: a cadre, staff and a kiosk are refused and it stays as it was")
  void onlyAdministrators() throws Exception {
    for (BridgeClient other : List.of(server.bridge(server.login("cadre")), server.bridge(server.login("staff")),
        server.bridge(server.token("Kiosk 1")))) {
      Await.failure(send(other, "saveCommunity", community("en")), "FORBIDDEN");
    }
    assertEquals("zh-CN", publicLanguage());
  }
}
