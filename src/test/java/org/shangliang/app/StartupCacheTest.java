package org.shangliang.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.support.Http;
import org.shangliang.support.Jars;
import org.shangliang.support.ServerProcess;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher (src/main/launcher/shangliang) as an installation runs it: the first start trains
 * the start-up cache with a rehearsed meeting, later starts use it. The jar beside the launcher is
 * built here from the compiled classes, naming its libraries in its manifest, as {@code mvn
 * package} would put them into one jar.
 */
class StartupCacheTest {
  private static final String RUNNING = "is running at";

  @TempDir
  Path installation;
  @TempDir
  Path dataDir;

  @Test
  @DisplayName("the first start trains the cache, which later starts load (the JVM refuses to start if it cannot)")
  void firstStartTrainsLaterStartsUseTheCache() throws Exception {
    Path launcher = install();
    List<String> first = startAndStop(launcher, "");
    assertTrue(first.stream().anyMatch(line -> line.contains("preparing the start-up cache")), String.join("\n", first));
    assertTrue(first.stream().noneMatch(line -> line.contains("could not be made")), () -> trainingLog());
    Path cache;
    try (Stream<Path> files = Files.list(installation)) {
      cache = files.filter(f -> f.getFileName().toString().matches("shangliang-java\\d+\\.(aot|jsa)")).findFirst()
          .orElseThrow(() -> new AssertionError("no cache beside the jar"));
    }
    // the room the node is built for, so that Java 25's cache keeps the profiles of its ballots
    assertTrue(Files.readString(installation.resolve(cache.getFileName() + ".log"))
        .contains("training: a rehearsed meeting of 20 votes with 500 kiosks and 200 room displays"), () -> trainingLog());

    // A start that must map the cache: it fails instead of quietly starting without.
    String strict = Runtime.version().feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on";
    List<String> second = startAndStop(launcher, strict);
    assertFalse(second.stream().anyMatch(line -> line.contains("preparing the start-up cache")), String.join("\n", second));
  }

  private String trainingLog() {
    try (Stream<Path> files = Files.list(installation)) {
      Path log = files.filter(f -> f.toString().endsWith(".log")).findFirst().orElseThrow();
      return Files.readString(log);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** The launcher and a jar beside it, as in target/ after {@code mvn package}. */
  private Path install() throws IOException {
    Path launcher = installation.resolve("shangliang");
    Files.copy(Path.of("src/main/launcher/shangliang"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path classes = installation.resolve("classes.jar");
    Jars.write(Path.of("target/classes"), classes, new Manifest());
    List<String> libraries = new ArrayList<>(List.of(classes.toUri().toString()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        libraries.add(Path.of(entry).toUri().toString());
      }
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", libraries));
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(installation.resolve("shangliang.jar")), manifest)) {
      jar.flush();
    }
    return launcher;
  }

  /** Runs the launcher with --demo until it says it is running, checks /health, stops it; answers what it printed. */
  private List<String> startAndStop(Path launcher, String javaOptions) throws Exception {
    int port = ServerProcess.freePort();
    ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--demo").redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("SHANGLIANG_JAVA_OPTS", "-Xmx384m -Dvertx.disableDnsResolver=true " + javaOptions);
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("HOST", "127.0.0.1");
    builder.environment().put("WARM_UP_VOTES", "0");
    builder.environment().put("DATA_DIR", dataDir.toString());
    builder.environment().remove("MONGO_URI");
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    CompletableFuture<Void> running = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          synchronized (lines) {
            lines.add(line);
          }
          if (line.contains(RUNNING)) {
            running.complete(null);
          }
        }
        running.completeExceptionally(new AssertionError("the launcher ended before the node ran:\n" + String.join("\n", lines)));
      } catch (IOException e) {
        running.completeExceptionally(e);
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      running.get(180, TimeUnit.SECONDS);
      assertEquals(200, Http.get("http://127.0.0.1:" + port + "/health").statusCode());
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }
}
