package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;

/**
 * Residents' requests in MongoDB. A request is replaced only at the version a transition was
 * decided on, and every transition only appends (history, consultations, agreements…), so nothing
 * once recorded is overwritten.
 */
public final class RequestStore {
  public static final String REQUESTS = "requests";
  static final String COUNTERS = "settings";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyMM");

  private final MongoClient mongo;

  public RequestStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  public Future<JsonObject> request(String id) {
    return mongo.findOne(REQUESTS, new JsonObject().put("_id", id), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这条诉求")) : Future.succeededFuture(doc));
  }

  public Future<JsonObject> byNumber(String number) {
    return mongo.findOne(REQUESTS, new JsonObject().put("number", number), null).compose(doc -> doc == null
        ? Future.failedFuture(new Failure(ErrorCode.NOT_FOUND, "没有这条诉求")) : Future.succeededFuture(doc));
  }

  Future<Void> insert(JsonObject doc) {
    return mongo.insert(REQUESTS, doc).mapEmpty();
  }

  /** Saves the request if nobody changed it since {@code seenVersion}; CONFLICT otherwise. */
  Future<Void> replace(JsonObject doc, long seenVersion) {
    JsonObject filter = new JsonObject().put("_id", doc.getString("_id")).put("version", seenVersion);
    return mongo.replaceDocuments(REQUESTS, filter, doc).compose(r -> r.getDocMatched() == 1
        ? Future.succeededFuture() : Future.failedFuture(new Failure(ErrorCode.CONFLICT, "诉求已被他人更新，请刷新后再试")));
  }

  /** Newest first; {@code query} is a MongoDB filter. */
  public Future<List<JsonObject>> find(JsonObject query, int limit) {
    return mongo.findWithOptions(REQUESTS, query, new FindOptions().setSort(new JsonObject().put("createdAt", -1)).setLimit(limit));
  }

  public Future<List<JsonObject>> matterOf(String matterId) {
    return mongo.find(REQUESTS, new JsonObject().put("topic.matterId", matterId));
  }

  /** A short number residents can read out: the month (in the community's time zone) and a sequence within it, e.g. 2611-0042. */
  Future<String> nextNumber(long now, ZoneId zone) {
    String month = MONTH.format(Instant.ofEpochMilli(now).atZone(zone));
    JsonObject inc = new JsonObject().put("$inc", new JsonObject().put("n", 1));
    return mongo.findOneAndUpdateWithOptions(COUNTERS, new JsonObject().put("_id", "request-number-" + month), inc,
            new FindOptions(), new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
        .map(doc -> String.format("%s-%04d", month, doc.getInteger("n")));
  }
}
