package org.shangliang.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.shangliang.app.Config;
import org.shangliang.app.DemoData;
import org.shangliang.app.Shangliang;
import org.shangliang.room.RoomAddresses;
import org.shangliang.web.BridgeLimits;
import org.shangliang.web.HttpLimits;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real server for a test: its own Vert.x, the embedded store in a fresh folder, the demo data,
 * on a free port. Tokens of the demo devices are read from the URLs the demo prints.
 *
 * <p>The demo meeting needs 5 of its 10 invited present to vote; most tests hold a vote with one
 * or two kiosks (or none), so {@link #start()} removes its quorum, the way a host would before the
 * meeting (the {@code setQuorum} command with neither a count nor a fraction). Tests of the quorum
 * use {@link #startWithDemoQuorum()}.
 */
public final class TestServer implements AutoCloseable {
  public final Vertx vertx;
  public final Shangliang app;
  public final Map<String, String> urls;
  public final Path dataDir;

  private TestServer(Vertx vertx, Shangliang app, Map<String, String> urls, Path dataDir) {
    this.vertx = vertx;
    this.app = app;
    this.urls = urls;
    this.dataDir = dataDir;
  }

  public static TestServer start() throws Exception {
    return start(ScratchFolders.create("shangliang-test"), 0);
  }

  /** With other HTTP limits: timeouts short enough to wait for, or other connection caps. */
  public static TestServer start(HttpLimits limits) throws Exception {
    return start(ScratchFolders.create("shangliang-test"), 0, config -> config.withHttp(limits));
  }

  /** With other limits for bridge sockets that stop reading. */
  public static TestServer start(BridgeLimits limits) throws Exception {
    return start(ScratchFolders.create("shangliang-test"), limits);
  }

  /** On this (empty) data folder, with these limits for bridge sockets that stop reading. */
  public static TestServer start(Path dataDir, BridgeLimits limits) throws Exception {
    return start(dataDir, 0, config -> config.withBridgeLimits(limits));
  }

  /** As the demo has it: votes need 5 of the 10 invited checked in. */
  public static TestServer startWithDemoQuorum() throws Exception {
    return startAsSeeded(ScratchFolders.create("shangliang-test"), 0, UnaryOperator.identity());
  }

  /** On this data; a meeting that has not opened yet loses its quorum (see above). */
  public static TestServer start(Path dataDir, int port) throws Exception {
    return start(dataDir, port, UnaryOperator.identity());
  }

  private static TestServer start(Path dataDir, int port, UnaryOperator<Config> settings) throws Exception {
    TestServer server = startAsSeeded(dataDir, port, settings);
    BridgeClient host = server.bridge(server.login("cadre"));
    try {
      JsonObject snapshot = Await.result(host.request(RoomAddresses.COMMANDS,
          new JsonObject().put("action", "snapshot").put("roomId", DemoData.ROOM_ID)));
      if ("SCHEDULED".equals(snapshot.getJsonObject("meeting").getString("status"))) {
        Await.result(host.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "setQuorum")
            .put("roomId", DemoData.ROOM_ID)));
      }
    } finally {
      Await.result(host.close());
    }
    return server;
  }

  private static TestServer startAsSeeded(Path dataDir, int port, UnaryOperator<Config> settings) throws Exception {
    Vertx vertx = Vertx.vertx();
    Shangliang app = Shangliang.start(vertx, settings.apply(Config.local(port, dataDir.toString())))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Map<String, String> urls = DemoData.seed(app).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new TestServer(vertx, app, urls, dataDir);
  }

  public int port() {
    return app.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The token in the demo URL whose label starts with the given text ("Kiosk 1", "Room display"...). */
  public String token(String labelPrefix) {
    return urls.entrySet().stream().filter(e -> e.getKey().startsWith(labelPrefix)).findFirst()
        .map(e -> e.getValue().replaceAll(".*token=", "")).orElseThrow();
  }

  public String url(String labelPrefix) {
    return urls.entrySet().stream().filter(e -> e.getKey().startsWith(labelPrefix)).findFirst()
        .map(Map.Entry::getValue).orElseThrow().replace("http://localhost:", "http://127.0.0.1:");
  }

  /** A real bridge client holding the token (or none). */
  public BridgeClient bridge(String token) {
    return Await.result(BridgeClient.connect(vertx, port(), token));
  }

  /** As {@link #bridge}, over SockJS's WebSocket transport as a page connects. */
  public BridgeClient pageBridge(String token) {
    return Await.result(BridgeClient.connectAsPage(vertx, port(), token));
  }

  /** Signs a demo account in over HTTP and answers its session token. */
  public String login(String username) throws Exception {
    return Http.login(baseUrl(), username, DemoData.PASSWORD);
  }

  @Override
  public void close() throws Exception {
    app.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
