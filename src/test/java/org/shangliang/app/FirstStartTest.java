package org.shangliang.app;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.support.Http;
import org.shangliang.support.ServerProcess;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Putting a new installation into service, as the README says: the server as a process of its own. */
class FirstStartTest {
  @TempDir
  Path dataDir;

  @Test
  @DisplayName("an empty database prints a one-time setup code; it creates the first administrator once")
  void setupCodeCreatesTheFirstAdministratorOnce() throws Exception {
    try (ServerProcess server = ServerProcess.start(Map.of("DATA_DIR", dataDir.toString()), false)) {
      String base = server.baseUrl();
      String code = server.setupCode();
      assertTrue(new JsonObject(Http.get(base + "/api/setup").body()).getBoolean("needed"));

      HttpResponse<String> wrong = Http.post(base + "/api/setup", setup("AAAA-BBBB-CCCC", "admin", "long-enough-1"), null);
      assertEquals(403, wrong.statusCode());
      assertEquals("SETUP_CODE_WRONG", new JsonObject(wrong.body()).getString("code"));
      HttpResponse<String> shortPassword = Http.post(base + "/api/setup", setup(code, "admin", "short"), null);
      assertEquals(400, shortPassword.statusCode(), "a password under 8 characters is refused, and the code stays valid");

      // case, spaces and dashes do not matter when the code is typed
      String typed = code.toLowerCase().replace("-", " ");
      assertEquals(201, Http.post(base + "/api/setup", setup(typed, "admin", "long-enough-1"), null).statusCode());
      HttpResponse<String> again = Http.post(base + "/api/setup", setup(code, "second", "long-enough-2"), null);
      assertEquals(409, again.statusCode());
      assertEquals("SETUP_DONE", new JsonObject(again.body()).getString("code"));
      assertFalse(new JsonObject(Http.get(base + "/api/setup").body()).getBoolean("needed"));

      HttpResponse<String> signIn = Http.post(base + "/api/login",
          new JsonObject().put("username", "admin").put("password", "long-enough-1").encode(), null);
      assertEquals(200, signIn.statusCode());
      assertEquals("admin", new JsonObject(signIn.body()).getString("role"));
      HttpResponse<String> noSecond = Http.post(base + "/api/login",
          new JsonObject().put("username", "second").put("password", "long-enough-2").encode(), null);
      assertEquals(401, noSecond.statusCode());
    }
    try (ServerProcess restarted = ServerProcess.start(Map.of("DATA_DIR", dataDir.toString()), false)) {
      assertTrue(restarted.lastLines().stream().noneMatch(line -> line.contains("setup code")),
          "with an administrator, a start prints no setup code: " + restarted.lastLines());
    }
  }

  @Test
  @DisplayName("the demo password works only with --demo, even on a data folder the demo once filled")
  void demoPasswordsOnlyInTheDemo() throws Exception {
    Map<String, String> settings = Map.of("DATA_DIR", dataDir.toString());
    try (ServerProcess demo = ServerProcess.start(settings, true)) {
      assertEquals(200, login(demo.baseUrl(), "cadre").statusCode());
    }
    try (ServerProcess real = ServerProcess.start(settings, false)) {
      for (String user : new String[] {"admin", "cadre", "grid", "staff"}) {
        HttpResponse<String> refused = login(real.baseUrl(), user);
        assertEquals(401, refused.statusCode(), user + ": " + refused.body());
      }
      // no administrator who can sign in: the start offers the setup code
      assertEquals(14, real.setupCode().length());
    }
  }

  private static HttpResponse<String> login(String base, String user) throws Exception {
    return Http.post(base + "/api/login",
        new JsonObject().put("username", user).put("password", DemoData.PASSWORD).encode(), null);
  }

  private static String setup(String code, String username, String password) {
    return new JsonObject().put("code", code).put("username", username).put("name", "管理员")
        .put("password", password).encode();
  }
}
