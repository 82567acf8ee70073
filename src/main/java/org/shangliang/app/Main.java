package org.shangliang.app;

import io.vertx.core.Future;
import org.shangliang.auth.FirstAdministrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a node: {@code java -jar shangliang.jar [--demo] [--config file.json]}; or, beside a running
 * node, {@code backup}, and with no node running, {@code restore FILE}; or {@code train}, which
 * rehearses a meeting on a scratch store to fill the JVM's start-up cache ({@link Training}).
 * See docs/CONFIGURATION.md for the settings and docs/DEPLOYMENT.md for clusters and backups.
 */
public final class Main {
  static {
    // before the logger or anything else can load a library that reads them
    JvmDefaults.applyTo(System.getProperties());
  }

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    int configAt = arguments.indexOf("--config");
    String configFile = configAt >= 0 && configAt + 1 < args.length ? args[configAt + 1] : null;
    Config config = Config.load(configFile, System.getenv());
    if (!arguments.isEmpty() && arguments.get(0).equals("backup")) {
      System.exit(BackupCommands.backup(config, arguments));
    }
    if (!arguments.isEmpty() && arguments.get(0).equals("restore")) {
      System.exit(BackupCommands.restore(config, arguments));
    }
    if (!arguments.isEmpty() && arguments.get(0).equals("train")) {
      System.exit(Training.run());
    }
    boolean demo = arguments.contains("--demo");

    AtomicReference<String> welcome = new AtomicReference<>();
    Cluster.vertxFor(config)
        .compose(vertx -> Shangliang.start(vertx, config, app -> prepare(app, demo).onSuccess(welcome::set)))
        .onSuccess(app -> {
          // printed once /health says UP: whoever reads the URLs can use them
          System.out.println(welcome.get());
          Runtime.getRuntime().addShutdownHook(new Thread(() -> app.stop().await()));
        })
        .onFailure(e -> {
          LOG.error("Shangliang could not start", e);
          System.exit(1);
        });
  }

  /**
   * What a node does before it says it is ready: seed the demo, or issue the setup code if there
   * is no administrator yet. Answers what to print then.
   */
  private static Future<String> prepare(Shangliang app, boolean demo) {
    if (demo) {
      return DemoData.seed(app).map(urls -> welcome(app, urls));
    }
    return new FirstAdministrator(app.db(), app.accounts()).issueCode()
        .map(setupCode -> welcome(app, Map.of()) + (setupCode == null ? "" : setup(app, setupCode)));
  }

  /** Only here, in the log of the start that issued it: whoever can read it may create the first administrator. */
  private static String setup(Shangliang app, String setupCode) {
    return "No administrator yet. To put Shangliang into service, open " + app.publicUrl()
        + "/setup/ and enter the setup code\n\n    " + setupCode + "\n\n(it works once; a restart before setup issues a new one)\n";
  }

  private static String welcome(Shangliang app, Map<String, String> urls) {
    StringBuilder text = new StringBuilder("\nShangliang 商量 is running at ").append(app.publicUrl())
        .append(app.db().isEmbedded() ? " (embedded database)" : " (MongoDB)")
        .append(String.format(", ready %.2f s after the JVM started%n", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
    urls.forEach((label, url) -> text.append(String.format("  %-48s %s%n", label, url)));
    return text.toString();
  }
}
