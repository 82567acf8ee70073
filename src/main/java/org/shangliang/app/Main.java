package org.shangliang.app;

import com.hazelcast.config.JoinConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs a node: {@code java -jar shangliang.jar [--demo] [--config file.json]}.
 * See docs/CONFIGURATION.md for the settings and docs/DEPLOYMENT.md for clusters.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    List<String> arguments = Arrays.asList(args);
    int configAt = arguments.indexOf("--config");
    String configFile = configAt >= 0 && configAt + 1 < args.length ? args[configAt + 1] : null;
    Config config = Config.load(configFile, System.getenv());
    boolean demo = arguments.contains("--demo");

    createVertx(config)
        .compose(vertx -> Shangliang.start(vertx, config))
        .compose(app -> (demo ? DemoData.seed(app) : Future.succeededFuture(Map.<String, String>of()))
            .map(urls -> {
              printWelcome(app, urls);
              Runtime.getRuntime().addShutdownHook(new Thread(() -> app.stop().await()));
              return app;
            }))
        .onFailure(e -> {
          LOG.error("Shangliang could not start", e);
          System.exit(1);
        });
  }

  private static Future<Vertx> createVertx(Config config) {
    VertxOptions options = new VertxOptions();
    if (!config.cluster()) {
      return Future.succeededFuture(Vertx.vertx(options));
    }
    options.getEventBusOptions().setHost(config.clusterHost());
    com.hazelcast.config.Config hazelcast = ConfigUtil.loadConfig();
    hazelcast.setProperty("hazelcast.wait.seconds.before.join", "0");
    hazelcast.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(config.clusterHost());
    JoinConfig join = hazelcast.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(List.of(config.clusterMembers().split(",")));
    return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(hazelcast)).buildClustered();
  }

  private static void printWelcome(Shangliang app, Map<String, String> urls) {
    StringBuilder text = new StringBuilder("\nShangliang 商量 is running at ").append(app.publicUrl())
        .append(app.db().isEmbedded() ? " (embedded database)" : " (MongoDB)").append('\n');
    urls.forEach((label, url) -> text.append(String.format("  %-48s %s%n", label, url)));
    System.out.println(text);
  }
}
