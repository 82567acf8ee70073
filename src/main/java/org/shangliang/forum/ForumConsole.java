package org.shangliang.forum;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.community.CommunitySettings;
import org.shangliang.notice.GeneratedNotices;
import org.shangliang.qr.QrTokens;
import org.shangliang.store.Database;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The yearly forum (邻里协商论坛) on {@value ConsoleAddresses#FORUM}: its three rankings computed from
 * the year's records with their rules ({@link ForumRules}), staff's overrides with their reasons,
 * and the honours posted as a board notice. Console accounts read; community editors change.
 */
public final class ForumConsole {
  static final int MAX_BYTES = 2048;
  static final String AREA = "forum";
  /** The honours stay up a month. */
  static final long POSTED_MS = 30 * 24 * 3600_000L;

  private final Database db;
  private final CommunitySettings community;
  private final ForumReads reads;
  private final ForumOverrides overrides;
  private final AuditLog audit;
  private final GeneratedNotices notices;

  private ForumConsole(Vertx vertx, Database db, QrTokens tokens) {
    this.db = db;
    this.community = new CommunitySettings(db.mongo());
    this.reads = new ForumReads(db.mongo());
    this.overrides = new ForumOverrides(db.mongo());
    this.audit = new AuditLog(db.mongo());
    this.notices = new GeneratedNotices(vertx, db, tokens);
  }

  /** The area's command table. */
  public static CommandEndpoint endpoint(Vertx vertx, Database db, QrTokens tokens) {
    ForumConsole forum = new ForumConsole(vertx, db, tokens);
    return new CommandEndpoint(ConsoleAddresses.FORUM, MAX_BYTES, Schemas.load("schemas/forum-commands.json", "action"))
        .on("forumRankings", Identity::isStaff, r -> forum.rankings(r.body().getInteger("year")))
        .on("overrideRanking", ForumConsole::communityEditor, forum::override)
        .on("publishForum", ForumConsole::communityEditor, forum::publish);
  }

  static boolean communityEditor(Identity who) {
    return who.isEditor() && !who.isGridScoped();
  }

  /** The year's lists as shown (overrides applied), each with its rule, the overrides, and the full computed lists. */
  private Future<JsonObject> rankings(int year) {
    return computed(year).compose(all -> overrides.of(year).map(changes -> {
      JsonObject reply = new JsonObject().put("year", year)
          .put("rules", new JsonObject().put("mediators", ForumRules.MEDIATOR_RULE)
              .put("councillors", ForumRules.COUNCILLOR_RULE).put("cases", ForumRules.CASE_RULE))
          .put("overrides", new JsonArray(changes.stream().map(ForumOverrides::view).toList()))
          .put("computed", all);
      ForumOverrides.LENGTHS.keySet().forEach(list -> reply.put(list, ForumOverrides.apply(list, all.getJsonArray(list), changes)));
      return reply;
    }));
  }

  /** The full ranked lists of the calendar year in the community's time zone. */
  private Future<JsonObject> computed(int year) {
    return community.zone().compose(zone -> {
      long from = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, zone).toInstant().toEpochMilli();
      long to = ZonedDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, zone).toInstant().toEpochMilli();
      return reads.rankings(from, to);
    });
  }

  /** Moves an entry to a position, or removes it, with the reason; refused without one. */
  private Future<JsonObject> override(Request r) {
    JsonObject b = r.body();
    String reason = b.getString("reason", "").strip();
    if (reason.isEmpty()) {
      throw new Failure(ErrorCode.FORUM_REASON_REQUIRED);
    }
    boolean remove = b.getBoolean("remove", false);
    Integer position = b.getInteger("position");
    String list = b.getString("list");
    if (remove == (position != null) || (position != null && position > ForumOverrides.LENGTHS.get(list))) {
      throw new Failure(ErrorCode.FORUM_OVERRIDE_SHAPE);
    }
    int year = b.getInteger("year");
    return computed(year).compose(all -> {
      boolean known = all.getJsonArray(list).stream().anyMatch(e -> b.getString("entryId").equals(((JsonObject) e).getString("entryId")));
      if (!known) {
        throw new Failure(ErrorCode.FORUM_ENTRY_UNKNOWN);
      }
      JsonObject change = new JsonObject().put("year", year).put("list", list).put("entryId", b.getString("entryId"))
          .put("position", position).put("remove", remove).put("reason", reason)
          .put("by", new JsonObject().put("id", r.who().id()).put("name", r.who().name()).put("role", r.who().role().name()))
          .put("at", System.currentTimeMillis());
      return overrides.save(change).compose(v -> audit.record(r.who(), AREA, "overrideRanking", change))
          .compose(v -> db.durable()).compose(v -> rankings(year));
    });
  }

  /** Posts (or brings up to date) the year's honours on every board: 邻里协商论坛 {year} 年表彰. */
  private Future<JsonObject> publish(Request r) {
    int year = r.body().getInteger("year");
    return rankings(year).compose(shown -> notices.publishEverywhere(r.who(),
            new JsonObject().put("forumYear", year), ForumNotice.title(year), ForumNotice.body(shown),
            System.currentTimeMillis() + POSTED_MS, "publishForum"))
        .compose(reply -> audit.record(r.who(), AREA, "publishForum", new JsonObject().put("year", year)
            .put("noticeId", reply.getJsonObject("notice").getString("id"))).compose(v -> db.durable()).map(reply));
  }
}
