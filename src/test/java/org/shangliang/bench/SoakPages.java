package org.shangliang.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.notice.Playlists;
import org.shangliang.notice.SignageAddresses;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every page of the soak benchmark, each a real WebSocket to the bridge: the host console and the
 * staff console (one account), a kiosk per voter and the room displays (registered for the room's
 * state, displays for its tally too), and the notice boards (their own signage address, a heartbeat
 * as often as signage.js sends one). A page that reconnects registers again and asks for its whole state, as our pages do.
 */
final class SoakPages {
  enum Kind { KIOSK, DISPLAY, BOARD }

  /** How long a reconnected page may wait for its first frame before the run fails. */
  static final long FIRST_FRAME_TIMEOUT_MS = 30_000;
  private static final long HEARTBEAT_MS = Playlists.HEARTBEAT_SECONDS * 1000L;

  final String roomId;
  final int port;
  final BridgeClient host;
  final BridgeClient staff;
  final List<Page> kiosks = new ArrayList<>();
  final List<Page> displays = new ArrayList<>();
  final List<Page> boards = new ArrayList<>();
  private final Vertx vertx;

  /** One page: its socket (replaced when it reconnects) and what it has been pushed. */
  final class Page {
    final Kind kind;
    final String token;
    /** A board's device id; null for room pages. */
    final String boardId;
    final DisplayWatch tallies;
    final AtomicInteger pushes = new AtomicInteger();
    volatile BridgeClient bus;
    /** A board's newest playlist (pushed or answered). */
    volatile JsonObject playlist = new JsonObject().put("notices", new JsonArray()).put("qr", new JsonObject());

    Page(Kind kind, String token, String boardId, int voters) {
      this.kind = kind;
      this.token = token;
      this.boardId = boardId;
      this.tallies = kind == Kind.DISPLAY ? new DisplayWatch(voters) : null;
    }

    /** Connects, registers its addresses, and asks for its whole state: the first frame it gets. */
    Future<JsonObject> connect() {
      return BenchRoom.Transport.chosen().connect(vertx, port, token).compose(client -> {
        bus = client.keepAlive();
        for (String address : addresses()) {
          client.register(address, this::onPush);
        }
        return kind == Kind.BOARD
            ? client.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "playlist")).onSuccess(p -> playlist = p)
            : client.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot"));
      });
    }

    Future<Void> drop() {
      return bus.close();
    }

    private List<String> addresses() {
      return switch (kind) {
        case KIOSK -> List.of(RoomAddresses.state(roomId));
        case DISPLAY -> List.of(RoomAddresses.state(roomId), RoomAddresses.tally(roomId));
        case BOARD -> List.of(SignageAddresses.display(boardId));
      };
    }

    private void onPush(JsonObject body) {
      pushes.incrementAndGet();
      if (kind == Kind.BOARD && "playlist".equals(body.getString("type"))) {
        playlist = body;
      } else if (tallies != null) {
        tallies.onMessage(body);
      }
    }

    /** Ids of the notices in the board's newest playlist. */
    List<String> noticeIds() {
      return playlist.getJsonArray("notices").stream().map(n -> ((JsonObject) n).getString("id")).toList();
    }
  }

  private SoakPages(Vertx vertx, JsonObject seeded, BridgeClient host, BridgeClient staff) {
    this.vertx = vertx;
    this.roomId = seeded.getString("roomId");
    this.port = seeded.getInteger("port");
    this.host = host;
    this.staff = staff;
  }

  /** Signs the host and the staff console in, then opens every kiosk, display and board, in batches. */
  static SoakPages open(Vertx vertx, JsonObject seeded, int voters) throws Exception {
    int port = seeded.getInteger("port");
    String base = "http://127.0.0.1:" + port;
    String user = seeded.getString("hostUser");
    String password = seeded.getString("hostPassword");
    BridgeClient host = Await.result(BenchRoom.Transport.chosen().connect(vertx, port, Http.login(base, user, password))).keepAlive();
    BridgeClient staff = Await.result(BenchRoom.Transport.chosen().connect(vertx, port, Http.login(base, user, password))).keepAlive();
    SoakPages pages = new SoakPages(vertx, seeded, host, staff);
    host.register(RoomAddresses.state(pages.roomId), body -> { });
    host.register(RoomAddresses.tally(pages.roomId), body -> { });
    strings(seeded, "kioskTokens").forEach(t -> pages.kiosks.add(pages.new Page(Kind.KIOSK, t, null, voters)));
    strings(seeded, "displayTokens").forEach(t -> pages.displays.add(pages.new Page(Kind.DISPLAY, t, null, voters)));
    List<String> boardIds = strings(seeded, "boardIds");
    List<String> boardTokens = strings(seeded, "boardTokens");
    for (int i = 0; i < boardIds.size(); i++) {
      pages.boards.add(pages.new Page(Kind.BOARD, boardTokens.get(i), boardIds.get(i), voters));
    }
    List<Page> all = pages.all();
    BenchRoom.inBatches(all.size(), BenchRoom.BATCH, i -> all.get(i).connect());
    vertx.setPeriodic(HEARTBEAT_MS, t -> pages.heartbeats());
    return pages;
  }

  List<Page> all() {
    List<Page> all = new ArrayList<>(kiosks);
    all.addAll(displays);
    all.addAll(boards);
    return all;
  }

  /** Sends a host command to this room and waits for its reply. */
  JsonObject hostCommand(String action, JsonObject params) {
    return Await.result(host.request(RoomAddresses.COMMANDS, params.copy().put("action", action).put("roomId", roomId)));
  }

  /** Sends a staff console command and waits for its reply. */
  JsonObject console(String action, JsonObject params) {
    return Await.result(staff.request(ConsoleAddresses.NOTICES, params.copy().put("action", action)));
  }

  /**
   * The reconnect storm: every kiosk, display and board socket closed at once, then all opened
   * again at once, each registering and asking for its state. Answers, per page, the milliseconds
   * from the drop until its first frame; fails if any page has none within
   * {@value #FIRST_FRAME_TIMEOUT_MS} ms.
   */
  double[] storm() {
    List<Page> all = all();
    long dropped = System.nanoTime();
    Await.result(Future.join(all.stream().map(Page::drop).toList()));
    double[] millis = new double[all.size()];
    List<Future<JsonObject>> first = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      int index = i;
      first.add(all.get(i).connect().onSuccess(frame -> millis[index] = (System.nanoTime() - dropped) / 1e6));
    }
    try {
      Future.join(first).toCompletionStage().toCompletableFuture().get(FIRST_FRAME_TIMEOUT_MS,
          java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // counted below
    }
    long missing = first.stream().filter(f -> !f.succeeded()).count();
    if (missing > 0) {
      throw new SoakBenchmark.SoakFailure(missing + " of " + all.size() + " pages got no first frame within "
          + FIRST_FRAME_TIMEOUT_MS + " ms of the reconnect storm; first cause: " + first.stream()
          .filter(Future::failed).map(f -> String.valueOf(f.cause())).findFirst().orElse("timed out"));
    }
    return millis;
  }

  /** Each board tells the server what it showed, as the signage page does every heartbeat. */
  private void heartbeats() {
    for (Page board : boards) {
      BridgeClient bus = board.bus;
      if (bus == null || bus.isClosed()) {
        continue;
      }
      List<String> shown = board.noticeIds().stream().limit(50).toList();
      bus.request(SignageAddresses.SIGNAGE, new JsonObject().put("action", "heartbeat")
          .put("current", shown.isEmpty() ? null : shown.get(0)).put("shown", new JsonArray(shown)));
    }
  }

  private static List<String> strings(JsonObject seeded, String key) {
    JsonArray values = seeded.getJsonArray(key, new JsonArray());
    return values.stream().map(String.class::cast).toList();
  }
}
