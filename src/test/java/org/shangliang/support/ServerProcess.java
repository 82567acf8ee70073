package org.shangliang.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a separate operating-system process, started exactly as the README does
 * ({@code Main --demo}), so a test can kill it with SIGKILL and start it again on the same data.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern URL_LINE = Pattern.compile("^\\s+(.+?)\\s+(http://\\S+)$");
  private static final Pattern SETUP_CODE_LINE = Pattern.compile("^\\s+([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})$");
  private final CompletableFuture<String> setupCode = new CompletableFuture<>();
  private final Process process;
  public final int port;
  public final Map<String, String> urls = new LinkedHashMap<>();
  private final List<String> lastLines = new ArrayList<>();
  /** Everything the process printed (a test's server prints a few thousand lines at most). */
  private final List<String> printedLines = new ArrayList<>();

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static ServerProcess start(Path dataDir) throws Exception {
    return start(Map.of("DATA_DIR", dataDir.toString()), true);
  }

  /**
   * A node with these settings (docs/CONFIGURATION.md) on a free port of its own; with {@code demo}
   * it seeds the demo and its printed URLs are kept.
   */
  public static ServerProcess start(Map<String, String> settings, boolean demo) throws Exception {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-Dvertx.disableDnsResolver=true",
        "-cp", System.getProperty("java.class.path"), "org.shangliang.app.Main"));
    if (demo) {
      command.add("--demo");
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("MONGO_URI");
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("HOST", "127.0.0.1");
    // the background rehearsal after the start would only take the tests' CPU
    builder.environment().put("WARM_UP_VOTES", "0");
    builder.environment().putAll(settings);
    ServerProcess server = new ServerProcess(builder.start(), port);
    server.awaitStart(demo);
    return server;
  }

  private void awaitStart(boolean demo) throws Exception {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          synchronized (this) {
            lastLines.add(line);
            if (lastLines.size() > 40) {
              lastLines.remove(0);
            }
            printedLines.add(line);
          }
          Matcher code = SETUP_CODE_LINE.matcher(line);
          if (code.matches()) {
            setupCode.complete(code.group(1));
          }
          Matcher m = URL_LINE.matcher(line);
          if (m.matches()) {
            urls.put(m.group(1), m.group(2));
            if (m.group(1).startsWith("Host console")) {
              ready.complete(null);
            }
          } else if (!demo && line.contains("is running at")) {
            ready.complete(null);
          }
        }
        ready.completeExceptionally(new IllegalStateException("server exited before it was ready; its last lines:\n"
            + String.join("\n", lastLines())));
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
    ready.get(60, TimeUnit.SECONDS);
  }

  public String token(String labelPrefix) {
    return urls.entrySet().stream().filter(e -> e.getKey().startsWith(labelPrefix)).findFirst()
        .map(e -> e.getValue().replaceAll(".*token=", "")).orElseThrow();
  }

  /** The one-time setup code this start printed for the first administrator (README, "Put it into service"). */
  public String setupCode() throws Exception {
    return setupCode.get(10, TimeUnit.SECONDS);
  }

  /** Whether the server printed a line containing this, at any time since its start. */
  public synchronized boolean printed(String fragment) {
    return printedLines.stream().anyMatch(line -> line.contains(fragment));
  }

  /** The last lines the server printed. */
  public synchronized List<String> lastLines() {
    return List.copyOf(lastLines);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL: no shutdown hook, no final commit. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
