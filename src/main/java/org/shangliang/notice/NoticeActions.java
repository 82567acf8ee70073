package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.notice.store.NoticeState;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;

/**
 * What staff do with notices: write, publish, change, retract. Each change is stored with who did
 * it and why in the notice's history and the audit log, made durable, and only then sent to the
 * displays it concerns.
 */
final class NoticeActions {
  private final NoticeStore store;
  private final Playlists playlists;
  private final Database db;

  NoticeActions(NoticeStore store, Playlists playlists, Database db) {
    this.store = store;
    this.playlists = playlists;
    this.db = db;
  }

  Future<JsonObject> save(Request r) {
    JsonObject b = r.body();
    long now = System.currentTimeMillis();
    NoticeKind kind = NoticeKind.valueOf(b.getString("kind"));
    PostingRules.requirePeriod(kind, b.getLong("startsAt"), b.getLong("endsAt"), b.getString("reason"));
    if (Targets.fromJson(b.getJsonObject("targets")).isEmpty()) {
      throw new Failure(ErrorCode.BAD_REQUEST, "请选择公告的发布范围");
    }
    if (!b.containsKey("id")) {
      JsonObject doc = content(b, new JsonObject().put("_id", new ObjectId().toHexString())
          .put("state", NoticeState.DRAFT.name()).put("version", 1L).put("source", (Object) null)
          .put("history", new JsonArray().add(history(r.who(), "created", null, now))), now);
      return store.insert(doc).compose(v -> settle(r, null, doc));
    }
    return store.notice(b.getString("id")).compose(before -> {
      requireChangeable(before, kind, b.getLong("startsAt"));
      JsonObject after = content(b, before.copy(), now);
      after.put("version", before.getLong("version") + 1);
      after.getJsonArray("history").add(history(r.who(), "updated", b.getString("reason"), now));
      return store.replace(after, before.getLong("version")).compose(v -> settle(r, before, after));
    });
  }

  Future<JsonObject> publish(Request r) {
    return store.notice(r.body().getString("id")).compose(before -> {
      if (!NoticeState.DRAFT.name().equals(before.getString("state"))) {
        throw new Failure(ErrorCode.CONFLICT, "只能发布草稿");
      }
      PostingRules.requirePeriod(NoticeKind.valueOf(before.getString("kind")), before.getLong("startsAt"),
          before.getLong("endsAt"), r.body().getString("reason"));
      return transition(r, before, NoticeState.PUBLISHED, "published");
    });
  }

  Future<JsonObject> retract(Request r) {
    return store.notice(r.body().getString("id")).compose(before -> {
      if (!NoticeState.PUBLISHED.name().equals(before.getString("state"))) {
        throw new Failure(ErrorCode.NOTICE_NOT_PUBLISHED);
      }
      PostingRules.requireRetractable(NoticeKind.valueOf(before.getString("kind")), before.getLong("startsAt"),
          System.currentTimeMillis(), r.body().getString("reason"));
      return transition(r, before, NoticeState.RETRACTED, "retracted");
    });
  }

  /** Creates a notice published in one step: a result, a topic list, a meeting's plan or process. */
  Future<JsonObject> publishNew(Identity who, JsonObject doc, String action) {
    long now = System.currentTimeMillis();
    doc.put("state", NoticeState.PUBLISHED.name()).put("version", 1L).put("updatedAt", now).put("publishedAt", now)
        .put("history", new JsonArray().add(history(who, action, null, now)));
    return store.insert(doc).compose(v -> settle(new Request(who, new JsonObject().put("action", action)), null, doc));
  }

  /**
   * Publishes a notice made from a meeting, or brings the one already made from it ({@code existing},
   * not retracted) up to date: new content, targets and end, but its start kept and its end never
   * earlier, so a second publication cannot shorten the seven days the first began.
   */
  Future<JsonObject> publishOrUpdate(Identity who, JsonObject existing, JsonObject doc, String action) {
    if (existing == null) {
      return publishNew(who, doc, action);
    }
    long now = System.currentTimeMillis();
    JsonObject after = existing.copy().put("title", doc.getString("title")).put("body", doc.getString("body"))
        .put("targets", doc.getJsonObject("targets"))
        .put("endsAt", Math.max(existing.getLong("endsAt"), doc.getLong("endsAt")))
        .put("state", NoticeState.PUBLISHED.name()).put("updatedAt", now).put("version", existing.getLong("version") + 1);
    if (!after.containsKey("publishedAt")) {
      after.put("publishedAt", now);
    }
    after.getJsonArray("history").add(history(who, action, null, now));
    return store.replace(after, existing.getLong("version"))
        .compose(v -> settle(new Request(who, new JsonObject().put("action", action)), existing, after));
  }

  private Future<JsonObject> transition(Request r, JsonObject before, NoticeState to, String action) {
    long now = System.currentTimeMillis();
    JsonObject after = before.copy().put("state", to.name()).put("updatedAt", now)
        .put("version", before.getLong("version") + 1);
    after.put(action + "At", now);
    after.getJsonArray("history").add(history(r.who(), action, r.body().getString("reason"), now));
    return store.replace(after, before.getLong("version")).compose(v -> settle(r, before, after));
  }

  /** Audit, commit, then tell the displays: a display never shows what a crash could undo. */
  private Future<JsonObject> settle(Request r, JsonObject before, JsonObject after) {
    JsonObject entry = new JsonObject().put("at", System.currentTimeMillis()).put("action", r.action())
        .put("noticeId", after.getString("_id")).put("reason", r.body().getString("reason"))
        .put("actor", new JsonObject().put("id", r.who().id()).put("name", r.who().name()).put("role", r.who().role().name()));
    return db.mongo().insert(RoomStore.AUDIT, entry).compose(id -> db.durable()).map(v -> {
      if (wasOrIsPublished(before) || wasOrIsPublished(after)) {
        playlists.changed(wasOrIsPublished(before) ? before : null, wasOrIsPublished(after) ? after : null);
      }
      return new JsonObject().put("notice", NoticeStore.consoleView(after));
    });
  }

  private static boolean wasOrIsPublished(JsonObject doc) {
    return doc != null && NoticeState.PUBLISHED.name().equals(doc.getString("state"));
  }

  /**
   * A retracted notice stays as it was; a published notice of a meeting (plan, process, result)
   * keeps its kind and start, so its seven days cannot be cut short by editing instead of retracting.
   */
  private static void requireChangeable(JsonObject before, NoticeKind kind, long startsAt) {
    String state = before.getString("state");
    if (NoticeState.RETRACTED.name().equals(state)) {
      throw new Failure(ErrorCode.NOTICE_WITHDRAWN);
    }
    NoticeKind was = NoticeKind.valueOf(before.getString("kind"));
    boolean published = NoticeState.PUBLISHED.name().equals(state) && PostingRules.keepsSevenDays(was);
    if (published && kind != was) {
      throw new Failure(ErrorCode.BAD_REQUEST, "已发布的公示不能改为其他类型");
    }
    if (published && startsAt != before.getLong("startsAt")) {
      throw new Failure(ErrorCode.BAD_REQUEST, "已发布的公示不能改开始时间");
    }
  }

  private static JsonObject content(JsonObject b, JsonObject doc, long now) {
    return doc.put("kind", b.getString("kind")).put("title", b.getString("title").strip())
        .put("body", b.getString("body")).put("imageId", b.getString("imageId"))
        .put("targets", Targets.fromJson(b.getJsonObject("targets")).toJson())
        .put("startsAt", b.getLong("startsAt")).put("endsAt", b.getLong("endsAt"))
        .put("priority", b.getInteger("priority", 0)).put("urgent", b.getBoolean("urgent", false))
        .put("updatedAt", now);
  }

  static JsonObject history(Identity who, String action, String reason, long now) {
    return new JsonObject().put("at", now).put("by", new JsonObject().put("id", who.id()).put("name", who.name()))
        .put("action", action).put("reason", reason == null ? null : reason.strip());
  }
}
