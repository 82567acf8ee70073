package org.shangliang.app;

import io.vertx.core.Future;
import org.shangliang.auth.FirstAdministrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs a node: {@code java -jar shangliang.jar [--demo] [--config file.json]}; or, beside a running
 * node, {@code backup}, and with no node running, {@code restore FILE}.
 * See docs/CONFIGURATION.md for the settings and docs/DEPLOYMENT.md for clusters and backups.
 */
public final class Main {
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
    boolean demo = arguments.contains("--demo");

    Cluster.vertxFor(config)
        .compose(vertx -> Shangliang.start(vertx, config))
        .compose(app -> (demo ? DemoData.seed(app) : Future.succeededFuture(Map.<String, String>of()))
            .compose(urls -> (demo ? Future.<String>succeededFuture() : new FirstAdministrator(app.db(), app.accounts())
                .issueCode()).map(setupCode -> {
              printWelcome(app, urls);
              if (setupCode != null) {
                printSetup(app, setupCode);
              }
              Runtime.getRuntime().addShutdownHook(new Thread(() -> app.stop().await()));
              return app;
            })))
        .onFailure(e -> {
          LOG.error("Shangliang could not start", e);
          System.exit(1);
        });
  }

  /** Only here, in the log of the start that issued it: whoever can read it may create the first administrator. */
  private static void printSetup(Shangliang app, String setupCode) {
    System.out.println("No administrator yet. To put Shangliang into service, open " + app.publicUrl()
        + "/setup/ and enter the setup code\n\n    " + setupCode + "\n\n(it works once; a restart before setup issues a new one)\n");
  }

  private static void printWelcome(Shangliang app, Map<String, String> urls) {
    StringBuilder text = new StringBuilder("\nShangliang 商量 is running at ").append(app.publicUrl())
        .append(app.db().isEmbedded() ? " (embedded database)" : " (MongoDB)").append('\n');
    urls.forEach((label, url) -> text.append(String.format("  %-48s %s%n", label, url)));
    System.out.println(text);
  }
}
