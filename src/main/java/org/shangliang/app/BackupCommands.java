package org.shangliang.app;

import io.vertx.core.json.JsonObject;
import org.shangliang.store.Backups;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code backup} and {@code restore} commands of the jar (docs/DEPLOYMENT.md):
 * {@code backup} asks the running server on this machine for a consistent copy of its store;
 * {@code restore FILE} puts one back into a data folder no server has open.
 */
final class BackupCommands {
  private BackupCommands() {
  }

  /** Answers the process exit code. */
  static int backup(Config config, List<String> args) throws Exception {
    Path dataDir = Path.of(option(args, "--data", config.dataDir()));
    String url = option(args, "--url", "http://127.0.0.1:" + config.port()).replaceAll("/+$", "");
    Path tokenFile = dataDir.resolve(Backups.TOKEN_FILE);
    if (!Files.isReadable(tokenFile)) {
      System.err.println("No running server's token in " + tokenFile + ": is the server running with this data folder?");
      return 2;
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/backup")).timeout(Duration.ofMinutes(5))
        .header("X-Backup-Token", Files.readString(tokenFile).strip()).POST(HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      System.err.println("Backup refused (" + response.statusCode() + "): " + response.body());
      return 1;
    }
    JsonObject taken = new JsonObject(response.body());
    System.out.printf("Backup written: %s (%d bytes, %d ms)%n", taken.getString("file"), taken.getLong("bytes"),
        taken.getLong("tookMs"));
    return 0;
  }

  static int restore(Config config, List<String> args) throws Exception {
    int at = args.indexOf("restore");
    if (at < 0 || at + 1 >= args.size() || args.get(at + 1).startsWith("--")) {
      System.err.println("Usage: java -jar shangliang.jar restore BACKUP.zip [--data FOLDER]");
      return 2;
    }
    Path dataDir = Path.of(option(args, "--data", config.dataDir()));
    Path restored = Backups.restore(Path.of(args.get(at + 1)), dataDir);
    System.out.println("Restored into " + restored + "; the store it replaced is kept beside it.");
    return 0;
  }

  private static String option(List<String> args, String name, String fallback) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
  }
}
