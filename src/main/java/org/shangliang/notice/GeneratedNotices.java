package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import org.bson.types.ObjectId;
import org.shangliang.common.Identity;
import org.shangliang.notice.store.NoticeState;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.qr.QrTokens;
import org.shangliang.store.Database;

/**
 * A notice another area generates (e.g. the yearly forum's honours), published on every board in
 * one step like a meeting's notices: audited, durable, then shown. Publishing again with the same
 * {@code source} brings the same notice up to date instead of posting a second one.
 */
public final class GeneratedNotices {
  private final Database db;
  private final NoticeActions notices;

  public GeneratedNotices(Vertx vertx, Database db, QrTokens tokens) {
    NoticeStore store = new NoticeStore(db);
    this.db = db;
    this.notices = new NoticeActions(store, new Playlists(vertx, db, tokens), db);
  }

  /** A publicity notice (公示) on all displays from now until {@code endsAt}, linked to {@code source}; {@code action} names it in the audit log. */
  public Future<JsonObject> publishEverywhere(Identity who, JsonObject source, String title, String body, long endsAt,
                                              String action) {
    long now = System.currentTimeMillis();
    JsonObject doc = new JsonObject().put("_id", new ObjectId().toHexString()).put("kind", NoticeKind.PUBLICITY.name())
        .put("title", title).put("body", body).put("imageId", (Object) null).put("targets", Targets.allDisplays().toJson())
        .put("startsAt", now).put("endsAt", endsAt).put("priority", 1).put("urgent", false).put("source", source);
    JsonObject query = new JsonObject().put("source", source)
        .put("state", new JsonObject().put("$ne", NoticeState.RETRACTED.name()));
    return db.mongo().findWithOptions(NoticeStore.NOTICES, query, new FindOptions().setLimit(1))
        .compose(found -> notices.publishOrUpdate(who, found.isEmpty() ? null : found.get(0), doc, action));
  }
}
