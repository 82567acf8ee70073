package org.shangliang.member;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Members in the {@value #COLLECTION} collection, {@code _id} a 24-hex ObjectId string, so that
 * the people of a meeting (attendees with a {@code memberId}) can be traced back to them.
 */
public final class MemberStore {
  public static final String COLLECTION = "members";
  /** Names in the order of a Chinese list (by pinyin), not by code point. */
  static final Comparator<JsonObject> BY_NAME = Comparator.comparing(
      (JsonObject m) -> m.getString("name", ""), Collator.getInstance(Locale.CHINA));

  private final MongoClient mongo;

  public MemberStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** The member, or null. */
  public Future<JsonObject> member(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null);
  }

  /** At most {@code limit} members matching the query, by name; the page itself ordered as a Chinese list. */
  public Future<List<JsonObject>> find(JsonObject query, int limit) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("name", 1)).setLimit(limit);
    return mongo.findWithOptions(COLLECTION, query, options).map(found -> {
      List<JsonObject> sorted = new ArrayList<>(found);
      sorted.sort(BY_NAME);
      return sorted;
    });
  }

  /** Which of these ids are members of the register. */
  public Future<List<String>> knownIds(Collection<String> ids) {
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(new ArrayList<>(ids))));
    return mongo.findWithOptions(COLLECTION, query, new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .map(found -> found.stream().map(m -> m.getString("_id")).toList());
  }

  /** Every member bearing one of these names (an import matches its rows against them). */
  public Future<List<JsonObject>> named(Collection<String> names) {
    return mongo.find(COLLECTION, new JsonObject().put("name", new JsonObject().put("$in", new JsonArray(new ArrayList<>(names)))));
  }

  /** Another member with this name and phone, or null. */
  public Future<JsonObject> samePerson(String name, String phone, String exceptId) {
    JsonObject query = new JsonObject().put("name", name).put("phone", phone);
    if (exceptId != null) {
      query.put("_id", new JsonObject().put("$ne", exceptId));
    }
    return mongo.findOne(COLLECTION, query, null);
  }

  public Future<Void> insert(JsonObject doc) {
    return mongo.insert(COLLECTION, doc).mapEmpty();
  }

  public Future<Void> replace(JsonObject doc) {
    return mongo.findOneAndReplace(COLLECTION, new JsonObject().put("_id", doc.getString("_id")), doc).mapEmpty();
  }

  /** New members inserted, existing ones replaced, in one bulk write. */
  public Future<Void> write(List<JsonObject> inserts, List<JsonObject> replacements) {
    List<BulkOperation> operations = new ArrayList<>();
    inserts.forEach(doc -> operations.add(BulkOperation.createInsert(doc)));
    replacements.forEach(doc -> operations.add(
        BulkOperation.createReplace(new JsonObject().put("_id", doc.getString("_id")), doc)));
    return operations.isEmpty() ? Future.succeededFuture() : mongo.bulkWrite(COLLECTION, operations).mapEmpty();
  }
}
