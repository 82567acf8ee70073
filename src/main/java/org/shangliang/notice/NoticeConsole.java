package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.auth.Devices;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.community.CommunitySettings;
import org.shangliang.community.Grids;
import org.shangliang.feedback.FeedbackStore;
import org.shangliang.member.MemberScope;
import org.shangliang.minutes.MinutesStore;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.qr.QrTokens;
import org.shangliang.request.RequestReports;
import org.shangliang.request.RequestStore;
import org.shangliang.store.Database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff console's notice area ({@value SignageAddresses#CONSOLE}): notices and their
 * publication; results, topic lists and meetings' plans and processes made notices; the board
 * displays; and the feedback from phones. Reading is for every console account (a grid worker's
 * within their grids, see {@link BoardAccess}); changing is for editors (not read-only viewers), and
 * what concerns the whole community for community editors.
 */
public final class NoticeConsole {
  static final int MAX_CONSOLE_BYTES = 8192;
  static final String NO_BOARD = "000000000000000000000000";
  /** The audit log's area of the changes made here that the notices' own history does not keep. */
  static final String AREA = "notice";

  private final NoticeStore store;
  private final Grids grids;
  private final DisplayActions displays;
  private final FeedbackStore feedback;
  private final QrTokens tokens;
  private final Database db;
  private final AuditLog audit;

  private NoticeConsole(NoticeStore store, DisplayActions displays, FeedbackStore feedback, QrTokens tokens, Database db,
                        AuditLog audit) {
    this.store = store;
    this.grids = new Grids(db.mongo());
    this.displays = displays;
    this.feedback = feedback;
    this.tokens = tokens;
    this.db = db;
    this.audit = audit;
  }

  /** The area's command table. */
  public static CommandEndpoint endpoint(Vertx vertx, Database db, Devices devices, QrTokens tokens) {
    NoticeStore store = new NoticeStore(db);
    AuditLog audit = new AuditLog(db.mongo());
    RequestStore requests = new RequestStore(db.mongo());
    CommunitySettings community = new CommunitySettings(db.mongo());
    Playlists playlists = new Playlists(vertx, db, tokens);
    DisplayActions displays = new DisplayActions(store, devices, new Pairings(db), playlists,
        new Showings(db.mongo()), db, audit);
    NoticeActions notices = new NoticeActions(store, playlists, db);
    ResultNotices results = new ResultNotices(db.mongo(), store, notices, requests, community);
    TopicListNotices topicLists = new TopicListNotices(new RequestReports(requests), notices, community);
    MeetingNotices meetings = new MeetingNotices(db.mongo(), store, notices, new MinutesStore(db), community);
    BoardAccess access = new BoardAccess(store);
    FeedbackStore feedback = new FeedbackStore(db.mongo());
    NoticeConsole console = new NoticeConsole(store, displays, feedback, tokens, db, audit);

    return new CommandEndpoint(ConsoleAddresses.NOTICES, MAX_CONSOLE_BYTES,
        Schemas.load("schemas/console-commands.json", "action"))
        .on("hello", CommandEndpoint::anyone, CommandEndpoint::hello)
        .on("overview", Identity::isStaff, console::overview)
        .on("listResolutions", Identity::isStaff, results::list)
        .on("listFeedback", Identity::isStaff, access.readingNotice(console::listFeedback))
        .on("noticePostings", Identity::isStaff, access.readingNotice(displays::postings))
        .on("saveNotice", Identity::isEditor, access.savingOwnNotice(notices::save))
        .on("publishNotice", Identity::isEditor, access.ownNotice(notices::publish))
        .on("retractNotice", Identity::isEditor, access.ownNotice(notices::retract))
        .on("resultFromMatter", BoardAccess::communityEditor, results::publish)
        .on("publishTopicList", BoardAccess::communityEditor, topicLists::publish)
        .on("planNotice", BoardAccess::communityEditor, meetings::plan)
        .on("processNotice", BoardAccess::communityEditor, meetings::process)
        .on("followUpNotice", BoardAccess::communityEditor, new FollowUpNotices(db.mongo(), store, notices, community)::publish)
        .on("pairDisplay", Identity::isEditor, access.intoOwnGrid(displays::pair))
        .on("updateDisplay", Identity::isEditor, access.ownBoard(displays::update))
        .on("markFeedbackHandled", Identity::isEditor, access.ownFeedback(feedback, console::markFeedbackHandled));
  }

  private Future<JsonObject> overview(Request r) {
    return Future.all(grids.all(), store.recent(200)).compose(all -> {
      Map<String, String> gridNames = DisplayActions.names(all.resultAt(0));
      List<JsonObject> notices = all.resultAt(1);
      return displays.statuses(gridNames, DisplayActions.names(notices)).map(list -> {
        JsonArray grids = new JsonArray();
        // a poster's code files a request for its grid (docs/API.md, posterToken)
        gridNames.forEach((id, name) -> grids.add(new JsonObject().put("id", id).put("name", name)
            .put("posterToken", tokens.sign(QrTokens.Purpose.REPORT, id, NO_BOARD))));
        JsonArray noticeViews = new JsonArray();
        JsonObject previewQr = new JsonObject();
        notices.forEach(n -> {
          noticeViews.add(NoticeStore.consoleView(n));
          // a preview's code is drawn like a board's, but names no board, so scanning it leads nowhere
          previewQr.put(n.getString("_id"), tokens.sign(QrTokens.Purpose.FEEDBACK, n.getString("_id"), NO_BOARD));
        });
        return new JsonObject().put("grids", sortedById(grids)).put("displays", BoardAccess.visibleBoards(r.who(), list)).put("notices", noticeViews)
            .put("qr", previewQr).put("serverTime", System.currentTimeMillis());
      });
    });
  }

  /** A notice's feedback from the boards the caller sees; the phone a resident left, for roles that may read it only. */
  private Future<JsonObject> listFeedback(Request r) {
    return store.signageDisplays().compose(list -> {
      Map<String, String> gridOfBoard = new HashMap<>();
      list.forEach(b -> gridOfBoard.put(b.getString("_id"), b.getString("gridId")));
      return feedback.forNotice(r.body().getString("noticeId"), DisplayActions.names(list),
          board -> r.who().covers(gridOfBoard.get(board)), MemberScope.seesPersonal(r.who()));
    });
  }

  private Future<JsonObject> markFeedbackHandled(Request r) {
    String id = r.body().getString("id");
    return feedback.entry(id).compose(entry -> feedback.markHandled(id, r.who())
        .compose(v -> audit.record(r.who(), AREA, r.action(), new JsonObject().put("feedbackId", id)
            .put("noticeId", entry.getString("noticeId")).put("displayId", entry.getString("displayId")))))
        .compose(v -> db.durable()).map(v -> new JsonObject());
  }

  private static JsonArray sortedById(JsonArray items) {
    return new JsonArray(items.stream().map(o -> (JsonObject) o)
        .sorted((a, b) -> a.getString("id").compareTo(b.getString("id"))).map(o -> (Object) o).toList());
  }
}
