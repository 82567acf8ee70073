package org.shangliang.common;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema check every inbound message passes: what it lets through, and how it names what it refuses. */
class SchemasTest {
  static final String ROOM = "5f0000000000000000000001";
  static final Schemas ROOM_COMMANDS = Schemas.load("schemas/room-commands.json", "action");
  static final Schemas SIGNAGE = Schemas.load("schemas/signage-commands.json", "action");

  @Test
  @DisplayName("every message of every schema file compiles")
  void everyFileLoads() {
    File[] files = new File("src/main/resources/schemas").listFiles((dir, name) -> name.endsWith(".json"));
    assertTrue(files != null && files.length >= 15, "the schema files are found");
    for (File file : files) {
      String discriminator = file.getName().equals("http.json") ? null : "action";
      assertDoesNotThrow(() -> Schemas.load("schemas/" + file.getName(), discriminator).compileEach(), file.getName());
    }
  }

  @Test
  @DisplayName("a refused command names its field: missing, of the wrong type, unknown, or the wrong item of a list")
  void refusalsNameTheField() {
    JsonObject openVote = new JsonObject().put("action", "openVote").put("roomId", ROOM).put("secret", false)
        .put("walkInsVote", false).put("liveTally", true).put("base", "FOR_AGAINST");
    assertEquals("请求格式不正确：#/motion", refused(ROOM_COMMANDS, "openVote", openVote.copy()));
    assertEquals("请求格式不正确：#/motion", refused(ROOM_COMMANDS, "openVote", openVote.copy().put("motion", 5)));
    assertEquals("请求格式不正确：#/motion", refused(ROOM_COMMANDS, "openVote", openVote.copy().put("motion", "x".repeat(201))));
    assertEquals("请求格式不正确：#/motion", refused(ROOM_COMMANDS, "openVote", openVote.copy().put("motion", "   ")));
    assertEquals("请求格式不正确：#/base", refused(ROOM_COMMANDS, "openVote", openVote.copy().put("motion", "加装电梯").put("base", "MOST")));
    assertEquals("请求格式不正确：#/extra", refused(ROOM_COMMANDS, "openVote", openVote.copy().put("motion", "加装电梯").put("extra", 1)));
    String longName = "x".repeat(500);
    assertEquals("请求格式不正确：#/" + "x".repeat(78) + "…", refused(ROOM_COMMANDS, "openVote",
        openVote.copy().put("motion", "加装电梯").put(longName, 1)), "an unknown field's name is not echoed at length");
    assertEquals("请求格式不正确：#/roomId", refused(ROOM_COMMANDS, "openVote", openVote.copy().put("motion", "加装电梯").put("roomId", "room-1")));
    assertEquals("请求格式不正确：#/shown/1", refused(SIGNAGE, "heartbeat",
        heartbeat(new JsonArray().add(ROOM).add("not-an-id"))));
    assertDoesNotThrow(() -> ROOM_COMMANDS.check("openVote", openVote.copy().put("motion", "加装电梯")));
    // motions as residents word them: 60 characters, and the longest allowed
    String sixty = "关于在3号楼和5号楼加装电梯并按楼层分摊费用、由业主委员会牵头组织施工招标及后续日常维护与专项资金监管的方案是否同意实施";
    assertEquals(60, sixty.length());
    assertDoesNotThrow(() -> ROOM_COMMANDS.check("openVote", openVote.copy().put("motion", sixty)));
    assertDoesNotThrow(() -> ROOM_COMMANDS.check("openVote", openVote.copy().put("motion", "议".repeat(200))));
  }

  @Test
  @DisplayName("a command no schema knows is UNKNOWN_ACTION, not BAD_REQUEST")
  void unknownAction() {
    Failure failure = assertThrows(Failure.class, () -> SIGNAGE.check("reboot", new JsonObject().put("action", "reboot")));
    assertEquals(ErrorCode.UNKNOWN_ACTION, failure.code());
  }

  /** A board's heartbeat: let through exactly when it lists at most 50 different ids of 24 hex digits. */
  @Property(tries = 2000)
  @Label("a heartbeat passes exactly when its shown list holds at most 50 distinct ids")
  void heartbeatShownList(@ForAll("shownLists") List<String> shown) {
    boolean expected = shown.size() <= 50 && new HashSet<>(shown).size() == shown.size()
        && shown.stream().allMatch(id -> id.matches("[0-9a-f]{24}"));
    JsonObject message = heartbeat(new JsonArray(shown));
    String refusal = refused(SIGNAGE, "heartbeat", message);
    assertEquals(expected, refusal == null, shown + " → " + refusal);
  }

  /** Distinct ids of every length around the limit, left so, or with one item made a non-id or a repeat. */
  @Provide
  Arbitrary<List<String>> shownLists() {
    Arbitrary<List<String>> distinct = Arbitraries.strings().withChars("0123456789abcdef").ofLength(24)
        .list().uniqueElements().ofMinSize(0).ofMaxSize(55);
    Arbitrary<String> notAnId = Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789abcdefABCDEFg")
        .ofMinLength(22).ofMaxLength(25), Arbitraries.of("", " " + ROOM, ROOM + "\n"));
    return Combinators.combine(distinct, Arbitraries.integers().between(0, 2), notAnId, Arbitraries.integers().between(0, 54))
        .as((ids, change, other, at) -> {
          List<String> shown = new ArrayList<>(ids);
          if (!shown.isEmpty() && change == 1) {
            shown.set(at % shown.size(), other);
          } else if (!shown.isEmpty() && change == 2) {
            shown.add(shown.get(at % shown.size()));
          }
          return shown;
        });
  }

  private static JsonObject heartbeat(JsonArray shown) {
    return new JsonObject().put("action", "heartbeat").put("roomId", ROOM).put("current", null).put("shown", shown);
  }

  /** The refusal's message, or null when the message passed. */
  private static String refused(Schemas schemas, String name, JsonObject message) {
    try {
      schemas.check(name, message);
      return null;
    } catch (Failure failure) {
      assertEquals(ErrorCode.BAD_REQUEST, failure.code());
      return Objects.requireNonNull(failure.getMessage());
    }
  }
}
