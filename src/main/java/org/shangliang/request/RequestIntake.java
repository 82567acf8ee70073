package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.bson.types.ObjectId;
import org.shangliang.common.AuditLog;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.community.CommunitySettings;
import org.shangliang.community.Grids;
import org.shangliang.qr.QrTokens;
import org.shangliang.store.Database;

import java.util.List;
import java.util.function.Function;

/**
 * Residents file requests (我要反映) at a kiosk or on a phone and follow them by a short number and
 * a QR code to their status page, where they also rate the outcome. The kinds of request are a
 * list kept in MongoDB, so staff can change it without a release.
 */
public final class RequestIntake {
  static final String KINDS_ID = "request-kinds";
  static final List<String> DEFAULT_KINDS = List.of("楼院设施", "邻里纠纷", "环境卫生", "物业服务", "安全隐患", "其他");
  static final String NO_ID = "000000000000000000000000";
  /** How long ago a call, letter or visit may have come when staff enter it. */
  static final long RECEIVED_WITHIN_MS = 30 * 24 * 3600_000L;
  /** A received time this far ahead of the server's clock is still taken as now (a console's clock may run ahead). */
  static final long CLOCK_SKEW_MS = 5 * 60_000L;

  private final MongoClient mongo;
  private final Database db;
  private final RequestStore store;
  private final Grids places;
  private final QrTokens tokens;
  private final AuditLog audit;
  private final CommunitySettings community;

  private final Vertx vertx;

  public RequestIntake(Vertx vertx, Database db, QrTokens tokens) {
    this.vertx = vertx;
    this.db = db;
    this.mongo = db.mongo();
    this.store = new RequestStore(mongo);
    this.places = new Grids(db.mongo());
    this.tokens = tokens;
    this.audit = new AuditLog(mongo);
    this.community = new CommunitySettings(mongo);
  }

  /** The kinds and grids a filing form offers. */
  public Future<JsonObject> form() {
    return Future.all(kinds(), places.all()).map(all -> {
      JsonArray grids = new JsonArray();
      List<JsonObject> docs = all.resultAt(1);
      docs.forEach(g -> grids.add(new JsonObject().put("id", g.getString("_id")).put("name", g.getString("name"))));
      return new JsonObject().put("kinds", new JsonArray(all.<List<String>>resultAt(0))).put("grids", grids);
    });
  }

  public Future<List<String>> kinds() {
    return mongo.findOne(RequestStore.COUNTERS, new JsonObject().put("_id", KINDS_ID), null)
        .map(doc -> doc == null ? DEFAULT_KINDS : doc.getJsonArray("kinds").stream().map(String::valueOf).toList());
  }

  /** The kinds residents choose from, set by {@code who}; audited and durable before the reply. */
  public Future<Void> saveKinds(List<String> kinds, Identity who) {
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("kinds", new JsonArray(kinds)));
    return mongo.updateCollectionWithOptions(RequestStore.COUNTERS, new JsonObject().put("_id", KINDS_ID), set,
            new UpdateOptions().setUpsert(true))
        .compose(r -> audit.record(who, RequestActions.AREA, "saveRequestKinds",
            new JsonObject().put("kinds", new JsonArray(kinds))))
        .compose(v -> db.durable());
  }

  /**
   * Files a request; answers its number and the token of its status page. {@code source} says where
   * it came from (a kiosk's id, or the display or poster whose code the phone scanned).
   */
  public Future<JsonObject> file(JsonObject form, RequestChannel channel, JsonObject source) {
    JsonObject by = new JsonObject().put("role", "RESIDENT").put("channel", channel.name());
    return create(form, channel, new JsonObject().put("source", source), by, null).map(this::receipt);
  }

  /**
   * Staff enter a request that came by phone, letter or in person (来电 / 来信 / 来人), received at
   * {@code receivedAt} (default now; not in the future, not older than {@link #RECEIVED_WITHIN_MS}).
   * The request records who entered it; the entry is audited. Answers the receipt and the request.
   */
  Future<JsonObject> enter(JsonObject form, Identity who) {
    long now = System.currentTimeMillis();
    long receivedAt = form.getLong("receivedAt", now);
    if (receivedAt > now + CLOCK_SKEW_MS || receivedAt < now - RECEIVED_WITHIN_MS) {
      return Future.failedFuture(new Failure(ErrorCode.RECEIVED_AT_OUT_OF_RANGE));
    }
    RequestChannel channel = RequestChannel.valueOf(form.getString("channel"));
    if (!RequestChannel.ENTERED_BY_STAFF.contains(channel)) {
      return Future.failedFuture(new Failure(ErrorCode.BAD_REQUEST, "只能登记来电、来信或来人"));
    }
    JsonObject enteredBy = RequestActions.actor(who);
    JsonObject fields = new JsonObject().put("source", null).put("enteredBy", enteredBy).put("receivedAt", receivedAt);
    return create(form, channel, fields, enteredBy.copy().put("channel", channel.name()), doc -> {
      JsonObject params = new JsonObject().put("requestId", doc.getString("_id")).put("number", doc.getString("number"))
          .put("channel", channel.name()).put("gridId", RequestAccess.gridOf(doc)).put("receivedAt", receivedAt);
      return audit.record(AuditLog.entry(who, "request", "enterRequest", params, doc.getLong("createdAt")));
    }).map(doc -> receipt(doc).put("request", RequestViews.staffView(doc)));
  }

  /** Stores a new request with {@code fields} added; {@code alongside} writes what must be durable with it (or null). */
  private Future<JsonObject> create(JsonObject form, RequestChannel channel, JsonObject fields, JsonObject by,
                                    Function<JsonObject, Future<Void>> alongside) {
    String kind = form.getString("kind");
    return kinds().compose(kinds -> {
      if (!kinds.contains(kind)) {
        throw new Failure(ErrorCode.BAD_REQUEST, "没有这种诉求类别");
      }
      return places.grid(form.getString("gridId"));
    }).compose(grid -> {
      long now = System.currentTimeMillis();
      return community.zone().compose(zone -> store.nextNumber(now, zone)).compose(number -> {
        JsonObject where = new JsonObject().put("gridId", grid.getString("_id")).put("gridName", grid.getString("name"))
            .put("building", blankToNull(form.getString("building")));
        JsonObject doc = new JsonObject().put("_id", new ObjectId().toHexString()).put("number", number).put("kind", kind)
            .put("what", form.getString("what").strip()).put("where", where)
            .put("publicTitle", PublicTitles.defaultTitle(kind, where)).put("publicTitleApproved", (Object) null)
            .put("resident", resident(form)).put("photoId", form.getString("photoId"))
            .put("channel", channel.name()).mergeIn(fields).put("status", RequestStatus.NEW.name())
            .put("createdAt", now).put("updatedAt", now).put("version", 1L)
            .put("history", new JsonArray().add(new JsonObject().put("event", "FILE").put("from", (Object) null)
                .put("to", RequestStatus.NEW.name()).put("at", now).put("by", by)));
        return store.insert(doc).compose(v -> alongside == null ? Future.succeededFuture() : alongside.apply(doc))
            .compose(v -> db.durable()).map(v -> {
              vertx.eventBus().send(RequestActions.PROGRESS_CHANGED, grid.getString("_id"));
              return doc;
            });
      });
    });
  }

  private JsonObject receipt(JsonObject doc) {
    return new JsonObject().put("number", doc.getString("number"))
        .put("statusToken", tokens.sign(QrTokens.Purpose.STATUS, doc.getString("_id"), NO_ID));
  }

  /** What the resident's status page shows: the public view, and whether a rating is asked for. */
  public Future<JsonObject> status(String token) {
    String requestId = tokens.verify(token, QrTokens.Purpose.STATUS).first();
    return store.request(requestId).map(doc -> new JsonObject().put("request", RequestViews.publicView(doc))
        .put("canRate", RequestStatus.INFORMED.name().equals(doc.getString("status"))));
  }

  /**
   * The status token of request {@code number} when {@code phoneLast4} are the last four digits of
   * the phone given when it was filed. An unknown number, a wrong phone and a request filed without
   * a phone all fail alike (LOOKUP_NO_MATCH), so the answer never tells whether a number exists.
   */
  public Future<JsonObject> lookup(String number, String phoneLast4) {
    return store.find(new JsonObject().put("number", number), 1).compose(found -> {
      String phone = found.isEmpty() ? null : found.get(0).getJsonObject("resident", new JsonObject()).getString("phone");
      String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
      if (digits.length() < 4 || !digits.endsWith(phoneLast4)) {
        return Future.failedFuture(new Failure(ErrorCode.LOOKUP_NO_MATCH));
      }
      return Future.succeededFuture(new JsonObject().put("number", number).put("statusToken", receipt(found.get(0)).getString("statusToken")));
    });
  }

  /** The id of the request a status token names. */
  public String requestOf(String statusToken) {
    return tokens.verify(statusToken, QrTokens.Purpose.STATUS).first();
  }

  private static JsonObject resident(JsonObject form) {
    String name = blankToNull(form.getString("name"));
    String phone = blankToNull(form.getString("phone"));
    return name == null && phone == null ? null : new JsonObject().put("name", name).put("phone", phone);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
