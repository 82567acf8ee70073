package org.shangliang.forum;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Staff's changes to a computed ranking, one per year, list and entry in {@value #COLLECTION}
 * ({@code {year, list, entryId, position | remove, reason, by, at}}); a later change of the same
 * entry replaces the earlier one (the audit log keeps both). Applied on top of the computed list,
 * oldest first, each entry showing who moved it, when and why.
 */
final class ForumOverrides {
  static final String COLLECTION = "forumOverrides";
  static final Map<String, Integer> LENGTHS = Map.of("mediators", ForumRules.MEDIATORS,
      "councillors", ForumRules.COUNCILLORS, "cases", ForumRules.CASES);

  private final MongoClient mongo;

  ForumOverrides(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<List<JsonObject>> of(int year) {
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("year", year),
        new FindOptions().setSort(new JsonObject().put("at", 1)));
  }

  Future<Void> save(JsonObject override) {
    String id = override.getInteger("year") + "." + override.getString("list") + "." + override.getString("entryId");
    return mongo.save(COLLECTION, override.copy().put("_id", id)).mapEmpty();
  }

  /** The list as shown: removed entries out, moved ones placed, oldest change first, cut to its length, numbered. */
  static JsonArray apply(String list, JsonArray computed, List<JsonObject> overrides) {
    List<JsonObject> entries = new ArrayList<>(computed.stream().map(JsonObject.class::cast).map(JsonObject::copy).toList());
    overrides.stream().filter(o -> list.equals(o.getString("list"))).sorted(Comparator.comparingLong(o -> o.getLong("at")))
        .forEach(o -> {
          JsonObject entry = entries.stream().filter(e -> e.getString("entryId").equals(o.getString("entryId")))
              .findFirst().orElse(null);
          if (entry == null) {
            return;
          }
          entries.remove(entry);
          if (!o.getBoolean("remove", false)) {
            entries.add(Math.min(o.getInteger("position") - 1, entries.size()), entry);
          }
        });
    JsonArray shown = new JsonArray();
    for (int i = 0; i < Math.min(LENGTHS.get(list), entries.size()); i++) {
      JsonObject entry = entries.get(i).put("rank", i + 1);
      overrides.stream().filter(o -> list.equals(o.getString("list")) && o.getString("entryId").equals(entry.getString("entryId")))
          .findFirst().ifPresent(o -> entry.put("override", view(o)));
      shown.add(entry);
    }
    return shown;
  }

  /** Who, when, why: what the report and the console show of a change. */
  static JsonObject view(JsonObject o) {
    return new JsonObject().put("list", o.getString("list")).put("entryId", o.getString("entryId"))
        .put("position", o.getInteger("position")).put("remove", o.getBoolean("remove", false))
        .put("reason", o.getString("reason")).put("by", o.getJsonObject("by")).put("at", o.getLong("at"));
  }
}
