package org.shangliang.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.app.DemoData;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.TestServer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Deflater;

/**
 * What permessage-deflate would cost and save on the bridge (not a test; never gates a build).
 * Browsers always offer it, so a server that accepts it deflates every frame once per page.
 * Takes the product's real room snapshot (the demo's, and the same room with 300 attendees), then
 * on a bare Vert.x WebSocket server with one event loop sends it to N sockets of clients that offer
 * compression, once with compression accepted and once refused. Prints the server thread's CPU per
 * message per socket, the time until every socket has every message, and the bytes per message on
 * the wire, with the ratio compressed / plain measured in the same run.
 *
 * <p>Parameters: bench.sockets (200), bench.messages (50), bench.rounds (3; the first is warm-up).
 */
public final class WebSocketCompressionBenchmark {
  private WebSocketCompressionBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int sockets = Integer.getInteger("bench.sockets", 200);
    int messages = Integer.getInteger("bench.messages", 50);
    int rounds = Integer.getInteger("bench.rounds", 3);
    JsonObject demo = demoSnapshot();
    System.out.printf("WebSocketCompressionBenchmark: %d sockets, %d messages each, %d rounds (first is warm-up)%n",
        sockets, messages, rounds);
    for (JsonObject snapshot : List.of(demo, withAttendees(demo, 300))) {
      String text = new JsonObject().put("type", "rec").put("address", RoomAddresses.state(DemoData.ROOM_ID))
          .put("body", snapshot.encode()).encode();
      int plainBytes = text.getBytes(StandardCharsets.UTF_8).length;
      int[] wire = deflatedBytes(snapshot, messages);
      System.out.printf("%nsnapshot with %d attendees: %,d bytes plain; deflated on the wire (level 6, context kept):"
          + " first %,d bytes, then %,d on average over %d snapshots that differ in time and version%n",
          snapshot.getJsonArray("attendees").size(), plainBytes, wire[0], wire[1], messages);
      for (int round = 1; round <= rounds; round++) {
        Result plain = fanOut(text, sockets, messages, false);
        Result deflated = fanOut(text, sockets, messages, true);
        System.out.printf("round %d%s: server CPU per message per socket plain %.1f µs, deflated %.1f µs (%.1f×);"
            + " all delivered after plain %.0f ms, deflated %.0f ms (%.1f×)%n", round, round == 1 ? " (warm-up)" : "",
            plain.cpuMicrosPerSend, deflated.cpuMicrosPerSend, deflated.cpuMicrosPerSend / plain.cpuMicrosPerSend,
            plain.wallMs, deflated.wallMs, deflated.wallMs / plain.wallMs);
        if (round == 1) {
          System.out.printf("  extensions agreed: refused '%s', accepted '%s'%n", plain.extensions, deflated.extensions);
        }
      }
    }
    System.exit(0);
  }

  record Result(double cpuMicrosPerSend, double wallMs, String extensions) {
  }

  /** The room snapshot a display is sent, read from a real server with the demo data. */
  static JsonObject demoSnapshot() throws Exception {
    try (TestServer server = TestServer.start()) {
      BridgeClient display = server.bridge(server.token("Room display"));
      return Await.result(display.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "snapshot")));
    }
  }

  /** The same room with n attendees: long lists of names are most of a real snapshot. */
  static JsonObject withAttendees(JsonObject snapshot, int n) {
    JsonObject copy = snapshot.copy();
    JsonArray attendees = new JsonArray();
    JsonArray known = snapshot.getJsonArray("attendees");
    for (int i = 0; i < n; i++) {
      JsonObject a = known.getJsonObject(i % known.size()).copy();
      attendees.add(a.put("id", String.format("%024x", 0xa000 + i)).put("name", a.getString("name") + (i + 1) + "号")
          .put("checkedIn", i % 3 != 0));
    }
    return copy.put("attendees", attendees);
  }

  /** Deflated sizes of successive snapshots on one socket: the first, and the mean of the ones after it. */
  static int[] deflatedBytes(JsonObject snapshot, int messages) {
    Deflater deflater = new Deflater(6, true);
    byte[] out = new byte[1024 * 1024];
    long later = 0;
    int first = 0;
    for (int i = 0; i < messages; i++) {
      JsonObject meeting = snapshot.getJsonObject("meeting").copy().put("version", 100 + i);
      String text = snapshot.copy().put("serverTime", 1_764_300_000_000L + 25L * i).put("meeting", meeting).encode();
      deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
      int size = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH) - 4; // 00 00 ff ff is not sent
      if (i == 0) {
        first = size;
      } else {
        later += size;
      }
    }
    deflater.end();
    return new int[] {first, (int) (later / Math.max(1, messages - 1))};
  }

  /** Sends text messages times to each of n sockets from one event loop; measures that thread's CPU. */
  static Result fanOut(String text, int n, int messages, boolean compress) throws Exception {
    // one loop writes every message at once on purpose: no blocked-thread warnings for that
    Vertx serverVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setMaxEventLoopExecuteTime(60)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
    Vertx clientVertx = Vertx.vertx();
    try {
      List<ServerWebSocket> open = new ArrayList<>();
      CountDownLatch connected = new CountDownLatch(n);
      HttpServer server = Await.result(serverVertx.createHttpServer(new HttpServerOptions().setPort(0)
              .setHost("127.0.0.1").setPerMessageWebSocketCompressionSupported(compress)
              .setPerFrameWebSocketCompressionSupported(false).setMaxWebSocketFrameSize(64 * 1024))
          .webSocketHandler(ws -> {
            open.add(ws);
            connected.countDown();
          }).listen());
      CountDownLatch delivered = new CountDownLatch(n * messages);
      WebSocketClient client = clientVertx.createWebSocketClient(new WebSocketClientOptions()
          .setTryUsePerMessageCompression(true).setMaxMessageSize(16 * 1024 * 1024).setMaxConnections(n));
      List<Future<?>> sockets = new ArrayList<>();
      AtomicReference<String> agreed = new AtomicReference<>();
      for (int i = 0; i < n; i++) {
        sockets.add(client.connect(server.actualPort(), "127.0.0.1", "/").onSuccess(ws -> {
          ws.textMessageHandler(t -> delivered.countDown());
          agreed.set(String.valueOf(ws.headers().get("sec-websocket-extensions")));
        }));
      }
      Await.result(Future.all(sockets));
      connected.await(10, TimeUnit.SECONDS);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpuBefore = loopCpu(serverVertx, threads);
      long start = System.nanoTime();
      serverVertx.runOnContext(v -> {
        for (int m = 0; m < messages; m++) {
          for (ServerWebSocket ws : open) {
            ws.writeTextMessage(text);
          }
        }
      });
      if (!delivered.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not every message arrived");
      }
      double wallMs = (System.nanoTime() - start) / 1e6;
      long cpu = loopCpu(serverVertx, threads) - cpuBefore;
      // closed here, not by the Vert.x instance: an unreachable client would be closed at a GC, mid-run
      Await.result(client.close());
      return new Result(cpu / 1e3 / ((double) n * messages), wallMs, agreed.get());
    } finally {
      Await.result(clientVertx.close());
      Await.result(serverVertx.close());
    }
  }

  /** The CPU time the server's one event loop has used so far (writes, deflating and flushing all run there). */
  private static long loopCpu(Vertx vertx, ThreadMXBean threads) throws Exception {
    CompletableFuture<Long> cpu = new CompletableFuture<>();
    vertx.runOnContext(v -> cpu.complete(threads.getThreadCpuTime(Thread.currentThread().getId())));
    return cpu.get(10, TimeUnit.SECONDS);
  }
}
