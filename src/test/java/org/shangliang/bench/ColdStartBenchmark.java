package org.shangliang.bench;

import org.shangliang.support.ScratchFolders;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start to ready (not a test; never gates a build): how long from launching a node until its
 * {@code /health} answers UP, with the demo data, as the README starts it. Needs {@code mvn package}
 * first: it runs target/shangliang (the launcher) and target/shangliang.jar.
 *
 * <p>Per Java (bench.javaHomes, comma-separated; default this JVM's): without a start-up cache
 * ({@code SHANGLIANG_CACHE=off}, i.e. plain {@code java -jar}) and with the launcher's cache (trained
 * first if missing, its time printed), each on a data folder the demo filled before ("kept", every
 * start but the first) and on an empty one ("fresh", the very first). Baseline in the same run:
 * a bare Vert.x HTTP server answering /health from the same jar's classes ({@link BareHealthServer}).
 * Options: bench.runs (5 per variant).
 */
public final class ColdStartBenchmark {
  private static final Path TARGET = Path.of("target");
  private static final long POLL_MS = 5;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

  private ColdStartBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 5);
    List<String> javaHomes = List.of(System.getProperty("bench.javaHomes", System.getProperty("java.home")).split(","));
    if (!Files.isExecutable(TARGET.resolve("shangliang")) || !Files.exists(TARGET.resolve("shangliang.jar"))) {
      System.err.println("ColdStartBenchmark: build the jar and launcher first: mvn -q package -DskipTests");
      System.exit(2);
    }
    System.out.printf("ColdStartBenchmark: start → /health UP, %d runs per variant; machine %d cores, load %s%n", runs,
        Runtime.getRuntime().availableProcessors(), ServerProbe.loadAverage());
    for (String javaHome : javaHomes) {
      measureJava(Path.of(javaHome.trim()), runs);
    }
  }

  private static void measureJava(Path javaHome, int runs) throws Exception {
    String version = Files.readAllLines(javaHome.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
        .findFirst().orElse("?");
    System.out.printf("%n%s (%s)%n", javaHome, version);
    double[] bare = times(runs, () -> bareServer(javaHome));
    print("bare Vert.x /health (baseline)", bare, null);
    Path kept = ScratchFolders.create("shangliang-coldstart");
    startAndStop(launcher(javaHome, kept, false)); // the demo seeded once: the "kept" starts find it
    print("java -jar, demo data kept", times(runs, () -> launcher(javaHome, kept, false)), bare);
    print("java -jar, fresh data folder", times(runs, () -> launcher(javaHome, freshFolder(), false)), bare);
    long training = System.nanoTime();
    ProcessBuilder train = new ProcessBuilder(TARGET.resolve("shangliang").toString(), "train").inheritIO();
    train.environment().put("JAVA_HOME", javaHome.toString());
    if (train.start().waitFor() != 0) {
      System.out.println("  the start-up cache could not be made: see target/shangliang-java*.log");
      return;
    }
    System.out.printf("  start-up cache trained in %.1f s%n", (System.nanoTime() - training) / 1e9);
    print("launcher with cache, demo data kept", times(runs, () -> launcher(javaHome, kept, true)), bare);
    print("launcher with cache, fresh data folder", times(runs, () -> launcher(javaHome, freshFolder(), true)), bare);
    System.out.println("  target on 2 cores: ≤ 1,500 ms with demo data; machine load now " + ServerProbe.loadAverage());
  }

  /** A node to launch: its command and settings, and the port it will answer on. */
  private record Launch(ProcessBuilder builder, int port) {
  }

  private interface Launcher {
    Launch next() throws IOException;
  }

  private static double[] times(int runs, Launcher launcher) throws Exception {
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      millis[i] = startAndStop(launcher.next());
    }
    return millis;
  }

  /** Milliseconds from the launch until /health answered UP; the process is stopped after. */
  private static double startAndStop(Launch launch) throws Exception {
    long launched = System.nanoTime();
    Process process = launch.builder().start();
    try {
      long deadline = launched + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the node exited with " + process.exitValue() + " before it was ready");
        }
        if (healthUp(launch.port())) {
          return (System.nanoTime() - launched) / 1e6;
        }
        Thread.sleep(POLL_MS);
      }
      throw new IllegalStateException("no /health UP within 120 s");
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static boolean healthUp(int port) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
          .timeout(Duration.ofMillis(500)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("UP");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Launch launcher(Path javaHome, Path dataDir, boolean cache) throws IOException {
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(TARGET.resolve("shangliang").toString(), "--demo")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("HOST", "127.0.0.1");
    builder.environment().put("DATA_DIR", dataDir.toString());
    builder.environment().remove("MONGO_URI");
    if (!cache) {
      builder.environment().put("SHANGLIANG_CACHE", "off");
    }
    return new Launch(builder, port);
  }

  private static Launch bareServer(Path javaHome) throws IOException {
    int port = freePort();
    String classPath = TARGET.resolve("shangliang.jar") + File.pathSeparator + TARGET.resolve("test-classes");
    return new Launch(new ProcessBuilder(javaHome.resolve("bin/java").toString(), "-XX:MaxGCPauseMillis=20", "-cp",
        classPath, BareHealthServer.class.getName(), String.valueOf(port)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD), port);
  }

  private static Path freshFolder() throws IOException {
    return ScratchFolders.create("shangliang-coldstart");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void print(String variant, double[] millis, double[] bare) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    double median = Latencies.median(millis);
    System.out.printf("  %-40s median %6.0f ms (min %.0f, max %.0f) %s%s%n", variant, median, sorted[0],
        sorted[sorted.length - 1], bare == null ? "" : String.format("%.1fx bare ", median / Latencies.median(bare)),
        Arrays.toString(Arrays.stream(millis).mapToLong(Math::round).toArray()));
  }
}
