package org.shangliang.notice;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;
import java.util.stream.Collectors;

/** Which displays a notice is for: every display, or the displays of some grids, or named displays. */
public record Targets(boolean everywhere, Set<String> grids, Set<String> displays) {

  /** Every display, wherever it stands. */
  public static Targets allDisplays() {
    return new Targets(true, Set.of(), Set.of());
  }

  public static Targets fromJson(JsonObject json) {
    if (json == null) {
      return new Targets(false, Set.of(), Set.of());
    }
    return new Targets(json.getBoolean("everywhere", false), ids(json.getJsonArray("grids")),
        ids(json.getJsonArray("displays")));
  }

  public boolean reaches(String displayId, String gridId) {
    return everywhere || displays.contains(displayId) || (gridId != null && grids.contains(gridId));
  }

  public boolean isEmpty() {
    return !everywhere && grids.isEmpty() && displays.isEmpty();
  }

  public JsonObject toJson() {
    return new JsonObject().put("everywhere", everywhere).put("grids", new JsonArray(grids.stream().sorted().toList()))
        .put("displays", new JsonArray(displays.stream().sorted().toList()));
  }

  private static Set<String> ids(JsonArray array) {
    return array == null ? Set.of() : array.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
  }
}
