package org.shangliang.feedback;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.RateLimiter;
import org.shangliang.common.Secrets;
import org.shangliang.community.Grids;
import org.shangliang.notice.store.NoticeState;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.qr.QrTokens;
import org.shangliang.store.Database;


/**
 * The phone page's side of feedback. The QR token says which notice on which board; the form
 * ticket issued with the page is good for one submission, so a replayed request is refused; a
 * phone (its cookie) has one rating per notice, which a later submission replaces; rates are
 * limited per phone and per network address; everything a passer-by writes is kept as text.
 */
public final class FeedbackIntake {
  static final String TICKETS = "feedback_tickets";
  static final long TICKET_MS = 2 * 3600_000L;
  static final long WINDOW_MS = 10 * 60_000L;
  static final int PER_PHONE = 5;
  static final int PER_ADDRESS = 30;
  static final int FORMS_PER_ADDRESS = 120;

  private final MongoClient mongo;
  private final Database db;
  private final NoticeStore notices;
  private final Grids grids;
  private final FeedbackStore feedback;
  private final QrTokens tokens;
  private final RateLimiter limits;

  public FeedbackIntake(Database db, NoticeStore notices, FeedbackStore feedback, QrTokens tokens, RateLimiter limits) {
    this.mongo = db.mongo();
    this.db = db;
    this.notices = notices;
    this.grids = new Grids(db.mongo());
    this.feedback = feedback;
    this.tokens = tokens;
    this.limits = limits;
  }

  /**
   * The page's content: the notice in full, the board's name, a one-time ticket, and {@code mine},
   * this phone's current rating of the notice ({@code {rating, at}}) or null.
   */
  public Future<JsonObject> form(String token, String phoneCookie, String address) {
    QrTokens.Signed signed = tokens.verify(token, QrTokens.Purpose.FEEDBACK);
    return limits.count("form:" + address, FORMS_PER_ADDRESS, WINDOW_MS)
        .compose(v -> liveNotice(signed.first()))
        .compose(notice -> board(signed.second()).compose(board -> Future.all(issueTicket(signed),
                feedback.entryOf(signed.first(), phoneCookie))
            .map(all -> new JsonObject().put("notice", NoticeStore.publicView(notice)).put("board", board)
                .put("ticket", all.resultAt(0)).put("mine", all.resultAt(1)))));
  }

  /**
   * Makes the rating (with an optional comment and phone number) this phone's rating of the notice;
   * answers once durable whether it replaced an earlier one.
   */
  public Future<Boolean> submit(JsonObject body, String phoneCookie, String address) {
    QrTokens.Signed signed = tokens.verify(body.getString("token"), QrTokens.Purpose.FEEDBACK);
    return limits.count("phone:" + phoneCookie, PER_PHONE, WINDOW_MS)
        .compose(v -> limits.count("address:" + address, PER_ADDRESS, WINDOW_MS))
        .compose(v -> liveNotice(signed.first()))
        .compose(notice -> useTicket(body.getString("ticket"), signed))
        .compose(v -> feedback.record(Submission.of(signed.first(), signed.second(), phoneCookie, body, System.currentTimeMillis())))
        .compose(replaced -> db.durable().map(replaced));
  }

  private Future<JsonObject> liveNotice(String noticeId) {
    return notices.notice(noticeId).recover(e -> Future.failedFuture(new Failure(ErrorCode.NOTICE_WITHDRAWN)))
        .compose(n -> NoticeState.PUBLISHED.name().equals(n.getString("state"))
            && n.getLong("endsAt") > System.currentTimeMillis()
            ? Future.succeededFuture(n) : Future.failedFuture(new Failure(ErrorCode.NOTICE_WITHDRAWN)));
  }

  private Future<JsonObject> board(String displayId) {
    return notices.signageDisplay(displayId).compose(d -> d.getString("gridId") == null ? Future.succeededFuture(
            new JsonObject().put("name", d.getString("name")).put("gridName", (String) null))
        : grids.grid(d.getString("gridId")).map(g -> new JsonObject().put("name", d.getString("name"))
            .put("gridName", g.getString("name"))))
        .recover(e -> Future.failedFuture(new Failure(ErrorCode.TOKEN_INVALID)));
  }

  private Future<String> issueTicket(QrTokens.Signed signed) {
    String ticket = Secrets.random(18);
    JsonObject doc = new JsonObject().put("_id", ticket).put("noticeId", signed.first()).put("displayId", signed.second())
        .put("expiresAt", System.currentTimeMillis() + TICKET_MS).put("used", false);
    return mongo.insert(TICKETS, doc).map(ticket);
  }

  /** Claims the ticket with one conditional write: of two identical submissions, one wins. */
  private Future<Void> useTicket(String ticket, QrTokens.Signed signed) {
    JsonObject unused = new JsonObject().put("_id", ticket).put("used", false).put("noticeId", signed.first())
        .put("displayId", signed.second()).put("expiresAt", new JsonObject().put("$gt", System.currentTimeMillis()));
    JsonObject use = new JsonObject().put("$set", new JsonObject().put("used", true));
    return mongo.updateCollection(TICKETS, unused, use).compose(r -> {
      if (r.getDocMatched() == 1) {
        return Future.succeededFuture();
      }
      return mongo.findOne(TICKETS, new JsonObject().put("_id", ticket), null).compose(doc -> Future.failedFuture(
          new Failure(doc != null && doc.getBoolean("used", false) ? ErrorCode.TICKET_USED : ErrorCode.TOKEN_INVALID,
              doc != null && doc.getBoolean("used", false) ? ErrorCode.TICKET_USED.defaultMessage() : "表单已过期，请重新扫码")));
    });
  }
}
