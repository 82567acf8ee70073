package org.shangliang.round;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.AuditLog;
import org.shangliang.qr.QrTokens;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;

/**
 * What an invited member's phone does with their own link ({@code /o/<token>}): read the question,
 * the deadline and their view so far, and give or change their view while the round is open. The
 * token names the round and the member; a link forged or altered answers TOKEN_INVALID.
 */
public final class RoundPhones {
  private final RoundStore rounds;
  private final RoundConsole console;
  private final QrTokens tokens;
  private final Database db;

  public RoundPhones(Vertx vertx, Database db, QrTokens tokens) {
    this.rounds = new RoundStore(db.mongo());
    this.console = new RoundConsole(new RoomStore(vertx, db), rounds, tokens, new AuditLog(db.mongo()), db, () -> "");
    this.tokens = tokens;
    this.db = db;
  }

  /** {@code {meetingTitle, matterTitle, question, closesAt, open, name, view, comment}}. */
  public Future<JsonObject> form(String token) {
    QrTokens.Signed signed = tokens.verify(token, QrTokens.Purpose.ROUND);
    long now = System.currentTimeMillis();
    return rounds.round(signed.first()).compose(round -> console.invitedName(round.getString("meetingId"), signed.second())
        .compose(name -> rounds.viewOf(round.getString("_id"), signed.second()).map(view -> new JsonObject()
            .put("meetingTitle", round.getString("meetingTitle")).put("matterTitle", round.getString("matterTitle"))
            .put("question", round.getString("question")).put("form", round.getString("form"))
            .put("closesAt", round.getLong("closesAt")).put("open", now < round.getLong("closesAt")).put("name", name)
            .put("view", view == null ? null : view.getString("view"))
            .put("comment", view == null ? null : view.getString("comment")).put("serverTime", now))));
  }

  /** Keeps the member's view (their latest counts); ROUND_CLOSED after the deadline. */
  public Future<JsonObject> give(String token, String view, String comment) {
    QrTokens.Signed signed = tokens.verify(token, QrTokens.Purpose.ROUND);
    long now = System.currentTimeMillis();
    return rounds.round(signed.first()).compose(round -> console.invitedName(round.getString("meetingId"), signed.second())
        .compose(name -> rounds.saveView(round, RoundConsole.view(round, signed.second(), name, view, comment, "PHONE", now), now))
        .compose(v -> db.durable())
        .map(v -> new JsonObject().put("view", view).put("at", now)));
  }
}
