package org.shangliang.bench;

import org.shangliang.support.PageClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The load generator's side of the benchmark's room, which the {@link BenchServer} seeded: the host,
 * one kiosk per voter checked in on a WebSocket of its own, and the room's displays, each a real
 * WebSocket to the bridge. Connections are opened in batches to avoid a connect storm.
 */
final class BenchRoom {
  static final int BATCH = 50;
  static final long PING_MS = PageClient.PING_MS;

  /**
   * How the benchmark's pages reach the bridge ({@code -Dbench.transport}): as the pages do since
   * 2026-12-07 late night, over the raw /eventbus/websocket ({@code raw}, the default; the figures before
   * 2026-12-07 afternoon used it too), or over SockJS's WebSocket transport with its framing
   * ({@code sockjs}, the pages' fallback, and the default from 2026-12-07 afternoon until then). The
   * server sends the two differently (SockJS wraps every frame as a JSON string), so they cost it
   * differently and train its JIT differently.
   */
  enum Transport {
    SOCKJS, RAW;

    static Transport chosen() {
      String name = System.getProperty("bench.transport", "raw");
      return switch (name) {
        case "sockjs" -> SOCKJS;
        case "raw" -> RAW;
        default -> throw new IllegalArgumentException("bench.transport is sockjs or raw, not " + name);
      };
    }

    Future<BridgeClient> connect(Vertx vertx, int port, String token) {
      return this == SOCKJS ? BridgeClient.connectAsPage(vertx, port, token) : BridgeClient.connect(vertx, port, token);
    }
  }

  final String roomId;
  final List<String> attendeeIds = new ArrayList<>();
  /** Held for the whole run: an unreachable client is closed by Vert.x. */
  final List<BridgeClient> kiosks = new ArrayList<>();
  final List<DisplaySocket> displays = new ArrayList<>();
  final List<DisplayWatch> watches = new ArrayList<>();
  BridgeClient host;

  private final Vertx clientVertx;
  private final int port;
  private final Transport transport = Transport.chosen();

  private BenchRoom(Vertx clientVertx, JsonObject seeded) {
    this.clientVertx = clientVertx;
    this.port = seeded.getInteger("port");
    this.roomId = seeded.getString("roomId");
    seeded.getJsonArray("attendeeIds").forEach(id -> attendeeIds.add((String) id));
  }

  /** Signs the host in, connects and checks in every kiosk, connects every display, keeps them all pinging. */
  static BenchRoom connect(Vertx clientVertx, JsonObject seeded) throws Exception {
    BenchRoom room = new BenchRoom(clientVertx, seeded);
    String token = Http.login("http://127.0.0.1:" + room.port, seeded.getString("hostUser"),
        seeded.getString("hostPassword"));
    room.host = Await.result(room.transport.connect(clientVertx, room.port, token));
    room.connectKiosks(strings(seeded.getJsonArray("kioskTokens")));
    List<Runnable> pings = new ArrayList<>();
    pings.add(() -> room.host.send(new JsonObject().put("type", "ping")));
    room.kiosks.forEach(k -> pings.add(() -> k.send(new JsonObject().put("type", "ping"))));
    room.keepAlive(pings);
    room.connectDisplays(strings(seeded.getJsonArray("displayTokens")));
    room.keepAlive(room.displays.stream().<Runnable>map(d -> d::ping).toList());
    return room;
  }

  /** Sends a host command to this room and waits for its reply. */
  JsonObject hostCommand(String action, JsonObject params) {
    return Await.result(host.request(RoomAddresses.COMMANDS,
        params.copy().put("action", action).put("roomId", roomId)));
  }

  private void connectKiosks(List<String> tokens) {
    int voters = attendeeIds.size();
    kiosks.addAll(inBatches(voters, BATCH, i -> transport.connect(clientVertx, port, tokens.get(i))));
    inBatches(voters, BATCH, i -> kiosks.get(i).request(RoomAddresses.COMMANDS,
        new JsonObject().put("action", "checkIn").put("attendeeId", attendeeIds.get(i))));
  }

  private void connectDisplays(List<String> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      watches.add(new DisplayWatch(attendeeIds.size()));
    }
    displays.addAll(inBatches(tokens.size(), BATCH, i -> DisplaySocket.connect(clientVertx, port, tokens.get(i),
        List.of(RoomAddresses.state(roomId), RoomAddresses.tally(roomId)), watches.get(i)::onMessage, transport)));
  }

  private static List<String> strings(JsonArray values) {
    return values.stream().map(String.class::cast).toList();
  }

  /**
   * Pings every socket every {@value #PING_MS} ms, spread over the interval, as a silent page does
   * (a page that talks pings less): the server closes sockets silent for 120 s, less than a run.
   */
  private void keepAlive(List<Runnable> pings) {
    for (int i = 0; i < pings.size(); i++) {
      Runnable ping = pings.get(i);
      clientVertx.setTimer(1 + (long) i * PING_MS / pings.size(), t -> {
        ping.run();
        clientVertx.setPeriodic(PING_MS, p -> ping.run());
      });
    }
  }

  /** Display sockets the bridge closed, and error frames the displays got (e.g. a refused registration). */
  String displayTrouble() {
    long closed = displays.stream().filter(DisplaySocket::isClosed).count();
    long errors = displays.stream().mapToLong(d -> d.errors.size()).sum();
    return closed == 0 && errors == 0 ? "" : closed + " display sockets closed, " + errors + " error frames";
  }

  /** Runs count operations, at most batch of them at a time, and answers their results in order. */
  static <T> List<T> inBatches(int count, int batch, IntFunction<Future<T>> operation) {
    List<T> results = new ArrayList<>(count);
    for (int from = 0; from < count; from += batch) {
      List<Future<T>> running = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + batch); i++) {
        running.add(operation.apply(i));
      }
      Await.result(Future.all(running));
      running.forEach(f -> results.add(f.result()));
    }
    return results;
  }
}
