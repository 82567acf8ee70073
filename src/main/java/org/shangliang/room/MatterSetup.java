package org.shangliang.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * How a matter was planned, beyond its limits and vote rules: whether those who have not spoken go
 * first (the default), which kinds of member are invited for it ("专业的问题请专业的人"), and where
 * the topic came from (党支部点题, 网格员荐题, 群众出题 with the request it came from).
 */
public record MatterSetup(boolean firstTimeFirst, List<String> invitedKinds, JsonObject source) {
  public static final MatterSetup DEFAULT = new MatterSetup(true, List.of(), null);

  /** Where topics come from, as the community's own rules name them. */
  public enum Source { PARTY_BRANCH, GRID_WORKER, RESIDENTS, STAFF }

  public MatterSetup {
    invitedKinds = invitedKinds == null ? List.of() : List.copyOf(invitedKinds);
  }

  static MatterSetup fromJson(JsonObject matter) {
    JsonArray kinds = matter.getJsonArray("invitedKinds");
    return new MatterSetup(matter.getBoolean("firstTimeFirst", true),
        kinds == null ? List.of() : kinds.stream().map(String::valueOf).toList(), matter.getJsonObject("source"));
  }

  void writeTo(JsonObject matter) {
    matter.put("firstTimeFirst", firstTimeFirst).put("invitedKinds", new JsonArray(invitedKinds)).put("source", source);
  }
}
