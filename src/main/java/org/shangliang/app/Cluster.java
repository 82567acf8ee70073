package org.shangliang.app;

import com.hazelcast.config.JoinConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.List;

/** Creates this node's Vert.x: alone, or joined to the other nodes over Hazelcast (TCP/IP, no multicast). */
public final class Cluster {
  private Cluster() {
  }

  public static Future<Vertx> vertxFor(Config config) {
    // Vert.x's own meters (HTTP, event bus) and ours share one Prometheus registry: /metrics. The
    // JVM's join them once the node is UP (Shangliang.start, metrics/JvmMeters).
    VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
        .setJvmMetricsEnabled(false).setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    if (!config.cluster()) {
      return Future.succeededFuture(Vertx.vertx(options));
    }
    options.getEventBusOptions().setHost(config.clusterHost());
    com.hazelcast.config.Config hazelcast = ConfigUtil.loadConfig();
    // Without this Hazelcast waits 5 s before joining, at every start.
    hazelcast.setProperty("hazelcast.wait.seconds.before.join", "0");
    hazelcast.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(config.clusterHost());
    JoinConfig join = hazelcast.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(List.of(config.clusterMembers().split(",")));
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hazelcast)).buildClustered();
  }
}
