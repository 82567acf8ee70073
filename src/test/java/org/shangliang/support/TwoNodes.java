package org.shangliang.support;

import io.vertx.core.Vertx;
import org.shangliang.app.Cluster;
import org.shangliang.app.Config;
import org.shangliang.app.DemoData;
import org.shangliang.app.Shangliang;

import java.nio.file.Path;
import java.util.Map;

/**
 * Two clustered nodes in this JVM: node A with the embedded store (the demo seeded through it) and
 * node B using A's store, each with a Vert.x instance of its own, joined over Hazelcast.
 */
public final class TwoNodes implements AutoCloseable {
  public final Vertx vertxA;
  public final Vertx vertxB;
  public final Shangliang nodeA;
  public final Shangliang nodeB;
  /** The device URLs the demo printed, by label. */
  public final Map<String, String> urls;

  private TwoNodes(Vertx vertxA, Shangliang nodeA, Map<String, String> urls, Vertx vertxB, Shangliang nodeB) {
    this.vertxA = vertxA;
    this.nodeA = nodeA;
    this.urls = urls;
    this.vertxB = vertxB;
    this.nodeB = nodeB;
  }

  public static TwoNodes start(Path dataDir) {
    Vertx vertxA = Await.result(Cluster.vertxFor(clustered(null, dataDir.toString())));
    Shangliang nodeA = Await.result(Shangliang.start(vertxA, clustered(null, dataDir.toString())));
    Map<String, String> urls = Await.result(DemoData.seed(nodeA));
    Vertx vertxB = Await.result(Cluster.vertxFor(clustered(nodeA.db().embeddedUri(), null)));
    Shangliang nodeB = Await.result(Shangliang.start(vertxB, clustered(nodeA.db().embeddedUri(), null)));
    return new TwoNodes(vertxA, nodeA, urls, vertxB, nodeB);
  }

  static Config clustered(String mongoUri, String dataDir) {
    return new Config("127.0.0.1", 0, dataDir, mongoUri, null, true, "127.0.0.1", "127.0.0.1");
  }

  /** The token of the demo device whose label starts so ("Kiosk 1", "Room display"…). */
  public String token(String label) {
    return urls.entrySet().stream().filter(e -> e.getKey().startsWith(label)).findFirst()
        .map(e -> e.getValue().replaceAll(".*token=", "")).orElseThrow();
  }

  /** A session token of a demo account, signed in through node A. */
  public String login(String username) throws Exception {
    return Http.login("http://127.0.0.1:" + nodeA.port(), username, DemoData.PASSWORD);
  }

  public BridgeClient onA(String token) {
    return Await.result(BridgeClient.connect(vertxA, nodeA.port(), token));
  }

  public BridgeClient onB(String token) {
    return Await.result(BridgeClient.connect(vertxB, nodeB.port(), token));
  }

  @Override
  public void close() {
    Await.result(nodeB.stop());
    Await.result(nodeA.stop());
    Await.result(vertxB.close());
    Await.result(vertxA.close());
  }
}
