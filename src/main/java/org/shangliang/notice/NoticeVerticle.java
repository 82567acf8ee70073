package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.auth.Devices;
import org.shangliang.auth.Identity;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.metrics.Meters;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.Schemas;
import org.shangliang.feedback.FeedbackStore;
import org.shangliang.qr.QrTokens;
import org.shangliang.request.RequestActions;
import org.shangliang.request.RequestReports;
import org.shangliang.request.RequestStore;
import org.shangliang.store.Database;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notice boards on this node: the staff console's commands ({@value SignageAddresses#CONSOLE})
 * and the signage displays' ({@value SignageAddresses#SIGNAGE}). Stateless between messages: any
 * node can answer any display, since everything is read from MongoDB.
 */
public final class NoticeVerticle extends VerticleBase {
  static final int MAX_CONSOLE_BYTES = 8192;
  static final int MAX_SIGNAGE_BYTES = 4096;
  static final String NO_BOARD = "000000000000000000000000";
  static final long PROGRESS_DELAY_MS = 1000;
  private final Set<String> progressDue = new HashSet<>();

  private final Database db;
  private final Devices devices;
  private final QrTokens tokens;
  private NoticeStore store;
  private Playlists playlists;
  private DisplayActions displays;
  private Showings showings;
  private FeedbackStore feedback;

  public NoticeVerticle(Database db, Devices devices, QrTokens tokens) {
    this.db = db;
    this.devices = devices;
    this.tokens = tokens;
  }

  @Override
  public Future<?> start() {
    store = new NoticeStore(db);
    playlists = new Playlists(vertx, store, new RequestStore(db.mongo()), tokens);
    showings = new Showings(db.mongo(), store);
    feedback = new FeedbackStore(db.mongo());
    displays = new DisplayActions(store, devices, new Pairings(db), playlists, showings, db);
    NoticeActions notices = new NoticeActions(store, playlists, db);
    RequestStore requests = new RequestStore(db.mongo());
    ResultNotices results = new ResultNotices(db.mongo(), store, notices, requests);
    TopicListNotices topicLists = new TopicListNotices(new RequestReports(requests), notices);

    countDisplaysOnline();

    CommandEndpoint console = new CommandEndpoint(SignageAddresses.CONSOLE, MAX_CONSOLE_BYTES,
        Schemas.load("schemas/console-commands.json", "action"))
        .on("hello", CommandEndpoint::anyone, CommandEndpoint::hello)
        .on("overview", Identity::isStaff, this::overview)
        .on("saveNotice", Identity::isStaff, notices::save)
        .on("publishNotice", Identity::isStaff, notices::publish)
        .on("retractNotice", Identity::isStaff, notices::retract)
        .on("listResolutions", Identity::isStaff, results::list)
        .on("resultFromMatter", Identity::isStaff, results::publish)
        .on("publishTopicList", Identity::isStaff, topicLists::publish)
        .on("pairDisplay", Identity::isStaff, displays::pair)
        .on("updateDisplay", Identity::isStaff, displays::update)
        .on("listFeedback", Identity::isStaff, this::listFeedback)
        .on("markFeedbackHandled", Identity::isStaff, this::markFeedbackHandled)
        .on("noticePostings", Identity::isStaff, displays::postings);
    CommandEndpoint signage = new CommandEndpoint(SignageAddresses.SIGNAGE, MAX_SIGNAGE_BYTES,
        Schemas.load("schemas/signage-commands.json", "action"))
        .on("hello", CommandEndpoint::anyone, CommandEndpoint::hello)
        .on("playlist", NoticeVerticle::isSignageDisplay, this::playlist)
        .on("heartbeat", NoticeVerticle::isSignageDisplay, this::heartbeat);
    vertx.eventBus().<String>consumer(RequestActions.PROGRESS_CHANGED, m -> progressChanged(m.body()));
    return Future.all(
        vertx.eventBus().<Object>consumer(console.address(), console::handle).completion(),
        vertx.eventBus().<Object>consumer(signage.address(), signage::handle).completion());
  }

  /**
   * A request of the grid moved: its boards' progress lines change. Coalesced per grid for a
   * second, since a burst of steps need not cost a burst of fan-outs.
   */
  private void progressChanged(String gridId) {
    if (gridId != null && progressDue.add(gridId)) {
      vertx.setTimer(PROGRESS_DELAY_MS, t -> {
        progressDue.remove(gridId);
        playlists.gridChanged(gridId);
      });
    }
  }

  static boolean isSignageDisplay(Identity who) {
    return who.type() == Identity.Type.DEVICE && who.role() == Identity.Role.DISPLAY && who.roomId() == null;
  }

  private Future<JsonObject> overview(Request r) {
    return Future.all(store.grids(), store.recent(200)).compose(all -> {
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
        return new JsonObject().put("grids", sortedById(grids)).put("displays", list).put("notices", noticeViews)
            .put("qr", previewQr).put("serverTime", System.currentTimeMillis());
      });
    });
  }

  private Future<JsonObject> listFeedback(Request r) {
    return store.signageDisplays().compose(list -> feedback.forNotice(r.body().getString("noticeId"),
        DisplayActions.names(list)));
  }

  private Future<JsonObject> markFeedbackHandled(Request r) {
    return feedback.markHandled(r.body().getString("id"), r.who()).compose(v -> db.durable()).map(v -> new JsonObject());
  }

  private Future<JsonObject> playlist(Request r) {
    return playlists.of(r.who().id()).map(JsonObject::new);
  }

  /** Heartbeats are not committed one by one: a lost one is made good by the next, 10 s later. */
  /** The displays-online gauge of /metrics, counted from the stored heartbeats every half minute. */
  private void countDisplaysOnline() {
    AtomicInteger online = Meters.registry().gauge("shangliang.displays.online", new AtomicInteger());
    vertx.setPeriodic(0, 30_000, t -> showings.countOnline(System.currentTimeMillis()).onSuccess(online::set));
  }

  private Future<JsonObject> heartbeat(Request r) {
    long now = System.currentTimeMillis();
    JsonArray shown = r.body().getJsonArray("shown");
    return showings.heartbeat(r.who().id(), r.body().getString("current"),
            shown.stream().map(String::valueOf).toList(), now)
        .map(v -> new JsonObject().put("serverTime", now));
  }

  private static JsonArray sortedById(JsonArray items) {
    return new JsonArray(items.stream().map(o -> (JsonObject) o)
        .sorted((a, b) -> a.getString("id").compareTo(b.getString("id"))).map(o -> (Object) o).toList());
  }
}
