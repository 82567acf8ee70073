package org.shangliang.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.Identity;
import org.shangliang.notice.SignageAddresses;
import org.shangliang.request.RequestVerticle;
import org.shangliang.room.RoomAddresses;
import org.shangliang.web.HttpLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A short scripted meeting in the demo room, through the real command path: pages fetched over
 * HTTP, hosts and staff signed in, kiosks, room displays and boards on the bridge's raw WebSocket
 * as the pages connect; check-ins, walk-ins, speeches, votes with live tallies, a notice to the
 * boards, a resident's request. It trains the start-up cache ({@code train}, see {@link Training})
 * with the code a meeting runs, and warms a node's JIT after its start ({@link WarmUp}).
 *
 * <p>Blocking: runs on a thread of its own, never on an event loop.
 */
final class Rehearsal {
  private static final List<String> PAGES = List.of("/kiosk/", "/display/", "/host/", "/console/", "/health",
      "/common/eventbus.js");
  private static final int SPEECHES = 5;

  /**
   * How many pages the rehearsed room has: kiosks, each checking in the demo's attendees in turn
   * and then walk-ins of its own, and room displays that follow the live tally; and over how long
   * the kiosks' ballots of a vote are spread (0: all at once).
   */
  record Size(int kiosks, int walkInsPerKiosk, int roomDisplays, long ballotSpreadMs) {
    /** A node's warm-up after its start: a few seconds of the ballot's path, not minutes of a core. */
    static final Size WARM_UP = new Size(10, 10, 5, 0);
    /**
     * The room the product is built for, about 500 voters at their own kiosks voting within 2 s and 200
     * displays: the start-up cache's training keeps what the JIT saw here (Java 25: its profiles
     * too), and a room of this size runs code shapes a small one never does (fuller ballot-box
     * shards, many sockets behind on their writes). Spread as a real vote is, not all at once: 500
     * ballots in one burst on a weak machine's one core made the store fall 15 s behind.
     */
    static final Size FULL_ROOM = new Size(500, 1, 200, 2_000);
  }

  private final Vertx vertx;
  private final Shangliang app;
  private final Size size;
  private final HttpClient http;
  private final List<RehearsalPage> pages = new ArrayList<>();
  private RehearsalPage host;
  private RehearsalPage staff;
  private final List<RehearsalPage> kiosks = new ArrayList<>();
  /** Per kiosk, the attendees it checked in: only that kiosk may act for them. */
  private final List<List<String>> attendeesOfKiosk = new ArrayList<>();

  private Rehearsal(Vertx vertx, Shangliang app, Size size) {
    this.vertx = vertx;
    this.app = app;
    this.size = size;
    this.http = vertx.createHttpClient();
  }

  /**
   * Starts a node with the demo on a scratch store (a temporary folder, loopback, any free port) on
   * this Vert.x, holds the rehearsal there, stops it and deletes the store; answers how long it
   * took in ms. The Vert.x must not be a serving node's: the two would share the event bus.
   */
  static long onScratchNode(Vertx vertx, Size size, int votes) throws IOException {
    long started = System.nanoTime();
    onScratchNode(vertx, size, votes, () -> false);
    return (System.nanoTime() - started) / 1_000_000;
  }

  /**
   * As {@link #onScratchNode(Vertx, Size, int)}, but asks {@code enough} before every vote and ends the
   * meeting early when it says so; answers how many votes were held.
   */
  static int onScratchNode(Vertx vertx, Size size, int votes, BooleanSupplier enough) throws IOException {
    Path scratch = Files.createTempDirectory("shangliang-rehearsal");
    try {
      // every page of the rehearsal comes from loopback: a room's worth would pass a NAT address's cap
      HttpLimits noCapPerAddress = HttpLimits.DEFAULTS.withConnectionCaps(0, HttpLimits.DEFAULTS.maxConnections());
      Config config = Config.local(0, scratch.toString()).withHttp(noCapPerAddress);
      Shangliang app = Shangliang.start(vertx, config, DemoData::seed).await();
      try {
        return hold(vertx, app, size, votes, enough);
      } finally {
        app.stop().await();
      }
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * Holds the demo meeting with up to {@code votes} votes of every attendee, fewer once
   * {@code enough} says so; answers the votes held. Fails at the first refused step.
   */
  static int hold(Vertx vertx, Shangliang app, Size size, int votes, BooleanSupplier enough) {
    Rehearsal rehearsal = new Rehearsal(vertx, app, size);
    try {
      rehearsal.fetchPages();
      rehearsal.connect();
      int held = rehearsal.meeting(votes, enough);
      rehearsal.noticeAndRequest();
      rehearsal.room("closeMeeting", new JsonObject());
      return held;
    } finally {
      rehearsal.pages.forEach(page -> page.close().await());
      rehearsal.http.close().await();
    }
  }

  private void fetchPages() {
    for (String page : PAGES) {
      call(HttpMethod.GET, page, null);
    }
  }

  private void connect() {
    host = page(signIn("cadre"));
    host.listen(RoomAddresses.state(DemoData.ROOM_ID));
    staff = page(signIn("staff"));
    for (int k = 0; k < size.kiosks(); k++) {
      // shared kiosks (共用终端): each may check in several, as the room's own shared kiosk does
      RehearsalPage kiosk = page(enrol(Identity.Role.KIOSK, "彩排终端" + (k + 1), true));
      kiosk.listen(RoomAddresses.state(DemoData.ROOM_ID));
      kiosks.add(kiosk);
      attendeesOfKiosk.add(new ArrayList<>());
    }
    for (int d = 0; d < size.roomDisplays(); d++) {
      RehearsalPage display = page(enrol(Identity.Role.DISPLAY, "彩排大屏" + (d + 1), false));
      display.listen(RoomAddresses.state(DemoData.ROOM_ID));
      display.listen(RoomAddresses.tally(DemoData.ROOM_ID));
    }
    for (String board : List.of(DemoData.BOARD_1, DemoData.BOARD_2)) {
      String token = app.devices().enrolSignage(board, "彩排公示栏", DemoData.GRID_IDS[0]).await().getString("token");
      RehearsalPage page = page(token);
      page.listen(SignageAddresses.display(board));
      page.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "playlist")).await();
    }
  }

  private int meeting(int votes, BooleanSupplier enough) {
    room("openMeeting", new JsonObject());
    for (int n = 0; n < DemoData.ATTENDEE_COUNT; n++) {
      int k = n % size.kiosks();
      String attendee = String.format("00000000000000000000d%03d", n + 1);
      kiosk(k, "checkIn", new JsonObject().put("attendeeId", attendee));
      attendeesOfKiosk.get(k).add(attendee);
    }
    all(size.kiosks(), k -> walkIns(k));
    for (int s = 0; s < SPEECHES; s++) {
      kiosk(s, "raiseHand", new JsonObject().put("attendeeId", attendeesOfKiosk.get(s).get(0)));
      room("giveFloor", new JsonObject());
      room("endSpeech", new JsonObject());
    }
    int v = 0;
    for (; v < votes && !enough.getAsBoolean(); v++) {
      String voteId = room("openVote", new JsonObject().put("motion", "彩排表决 " + (v + 1)).put("secret", v % 5 == 4)
          .put("walkInsVote", true).put("liveTally", v % 5 != 4).put("base", "CAST")).getString("voteId");
      all(size.kiosks(), k -> startAt(k * size.ballotSpreadMs() / size.kiosks()).compose(due -> ballots(k, voteId)));
      room("closeVote", new JsonObject().put("quorumOverride", "彩排"));
      room("announceResult", new JsonObject());
    }
    return v;
  }

  private Future<?> walkIns(int k) {
    Future<?> chain = Future.succeededFuture();
    for (int w = 0; w < size.walkInsPerKiosk(); w++) {
      String name = "彩排" + (k + 1) + "-" + (w + 1);
      chain = chain.compose(v -> kioskCommand(k, "registerWalkIn", new JsonObject().put("name", name).put("kind", "RESIDENT"))
          .onSuccess(walkIn -> attendeesOfKiosk.get(k).add(walkIn.getString("attendeeId"))));
    }
    return chain;
  }

  private Future<?> startAt(long delayMs) {
    return delayMs < 1 ? Future.succeededFuture() : vertx.timer(delayMs);
  }

  private Future<?> ballots(int k, String voteId) {
    String[] choices = {"FOR", "AGAINST", "ABSTAIN"};
    List<Future<?>> cast = new ArrayList<>();
    List<String> attendees = attendeesOfKiosk.get(k);
    for (int a = 0; a < attendees.size(); a++) {
      cast.add(kioskCommand(k, "castBallot", new JsonObject().put("attendeeId", attendees.get(a)).put("voteId", voteId)
          .put("choice", choices[a % 3])));
    }
    return Future.all(cast);
  }

  private void noticeAndRequest() {
    long now = System.currentTimeMillis();
    JsonObject notice = staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "saveNotice")
        .put("kind", "PUBLICITY").put("title", "彩排公示").put("body", "议事会彩排。")
        .put("targets", new JsonObject().put("everywhere", true).put("grids", new JsonArray()).put("displays", new JsonArray()))
        .put("startsAt", now).put("endsAt", now + 3_600_000L)).await().getJsonObject("notice");
    staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "publishNotice").put("id", notice.getString("id")))
        .await();
    staff.request(ConsoleAddresses.NOTICES, new JsonObject().put("action", "retractNotice").put("id", notice.getString("id")))
        .await();
    JsonObject form = kiosks.get(0).request(RequestVerticle.COMMANDS, new JsonObject().put("action", "requestForm")).await();
    kiosks.get(0).request(RequestVerticle.COMMANDS, new JsonObject().put("action", "fileRequest")
        .put("kind", form.getJsonArray("kinds").getString(0)).put("what", "彩排：楼道灯坏了")
        .put("gridId", DemoData.GRID_IDS[0])).await();
    staff.request(RequestVerticle.COMMANDS, new JsonObject().put("action", "listRequests")).await();
  }

  private JsonObject room(String action, JsonObject params) {
    return named(action, host.request(RoomAddresses.COMMANDS, params.put("action", action).put("roomId", DemoData.ROOM_ID)))
        .await();
  }

  private void kiosk(int k, String action, JsonObject params) {
    kioskCommand(k, action, params).await();
  }

  private Future<JsonObject> kioskCommand(int k, String action, JsonObject params) {
    return named(action, kiosks.get(k).request(RoomAddresses.COMMANDS,
        params.put("action", action).put("roomId", DemoData.ROOM_ID)));
  }

  /** A failed step says which it was: a training's log then tells a slow store from a refused command. */
  private static Future<JsonObject> named(String action, Future<JsonObject> step) {
    return step.recover(e -> Future.failedFuture(new IllegalStateException(action + " failed: " + e.getMessage(), e)));
  }

  private static void all(int count, IntFunction<Future<?>> step) {
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      running.add(step.apply(i));
    }
    Future.all(running).await();
  }

  private RehearsalPage page(String token) {
    RehearsalPage page = RehearsalPage.open(vertx, app.port(), token).await();
    pages.add(page);
    return page;
  }

  private String enrol(Identity.Role kind, String name, boolean shared) {
    return app.devices().enrol(kind, DemoData.ROOM_ID, name, shared).await().getString("token");
  }

  private String signIn(String username) {
    JsonObject body = new JsonObject().put("username", username).put("password", DemoData.PASSWORD);
    return new JsonObject(call(HttpMethod.POST, "/api/login", body)).getString("token");
  }

  /** One HTTP exchange with the node; fails unless it answers 200. */
  private String call(HttpMethod method, String path, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(app.port()).setURI(path);
    return http.request(options)
        .compose(request -> body == null ? request.send() : request.putHeader("content-type", "application/json")
            .send(Buffer.buffer(body.encode())))
        .compose(response -> response.body().compose(text -> response.statusCode() == 200
            ? Future.succeededFuture(text.toString())
            : Future.failedFuture(method + " " + path + " answered " + response.statusCode() + " " + text)))
        .await();
  }
}
