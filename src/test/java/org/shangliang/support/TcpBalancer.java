package org.shangliang.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.List;

/**
 * The load balancer in front of a cluster, as small as it gets: each new connection goes to the
 * first node in its list that accepts one, and lives and dies with that node. A page that loses
 * its node reconnects through it and lands on the next one that is up.
 */
public final class TcpBalancer implements AutoCloseable {
  private final NetServer server;
  private final NetClient client;
  private final List<Integer> nodePorts;

  private TcpBalancer(NetServer server, NetClient client, List<Integer> nodePorts) {
    this.server = server;
    this.client = client;
    this.nodePorts = nodePorts;
  }

  /** Listens on a free loopback port; nodes are tried in the order given. */
  public static TcpBalancer start(Vertx vertx, List<Integer> nodePorts) {
    NetClient client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(1_000));
    NetServer server = vertx.createNetServer();
    TcpBalancer balancer = new TcpBalancer(server, client, nodePorts);
    server.connectHandler(balancer::route);
    Await.result(server.listen(0, "127.0.0.1"));
    return balancer;
  }

  public int port() {
    return server.actualPort();
  }

  private void route(NetSocket incoming) {
    incoming.pause();
    connect(0).onSuccess(node -> {
      incoming.pipeTo(node).onComplete(done -> node.close());
      node.pipeTo(incoming).onComplete(done -> incoming.close());
      incoming.resume();
    }).onFailure(e -> incoming.close());
  }

  private Future<NetSocket> connect(int index) {
    if (index >= nodePorts.size()) {
      return Future.failedFuture("no node is up");
    }
    return client.connect(nodePorts.get(index), "127.0.0.1").recover(down -> connect(index + 1));
  }

  @Override
  public void close() {
    Await.result(server.close());
    Await.result(client.close());
  }
}
