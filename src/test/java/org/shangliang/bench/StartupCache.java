package org.shangliang.bench;

import org.shangliang.support.Jars;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The launcher's start-up cache for the benchmark's server process ({@code -Dbench.startupCache=true}):
 * trained exactly as the launcher trains it ({@code Main train}, a rehearsed meeting), on the class
 * path the server process runs with. A JVM maps such a cache only from jars, so the compiled
 * classes and test classes are put into jars under target/bench-jars first.
 */
final class StartupCache {
  private static final Path FOLDER = Path.of("target", "bench-jars");

  private StartupCache() {
  }

  static boolean wanted() {
    return Boolean.getBoolean("bench.startupCache");
  }

  /** The class path of the server process: this JVM's, with folders turned into jars when a cache is wanted. */
  static String classPath() throws IOException {
    String own = System.getProperty("java.class.path");
    if (!wanted()) {
      return own;
    }
    List<String> entries = new ArrayList<>();
    for (String entry : own.split(File.pathSeparator)) {
      Path path = Path.of(entry);
      entries.add(Files.isDirectory(path) ? jarOf(path).toString() : entry);
    }
    return String.join(File.pathSeparator, entries);
  }

  /** JVM flags that make the server process start from the cache, training it first when it is missing or stale. */
  static List<String> flags(String classPath) throws IOException, InterruptedException {
    if (!wanted()) {
      return List.of();
    }
    boolean aot = Runtime.version().feature() >= 25;
    Path cache = FOLDER.resolve("bench-java" + Runtime.version().feature() + (aot ? ".aot" : ".jsa"));
    if (!Files.exists(cache) || newestJar(classPath).compareTo(Files.getLastModifiedTime(cache)) > 0) {
      train(cache, aot, classPath);
    }
    return List.of(aot ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache, aot ? "-XX:AOTMode=on" : "-Xshare:on");
  }

  private static void train(Path cache, boolean aot, String classPath) throws IOException, InterruptedException {
    Files.deleteIfExists(cache);
    System.out.println("startup cache: training " + cache + " with a rehearsed meeting (Main train)");
    long started = System.nanoTime();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(ChildJvm.childFlags());
    command.add((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + cache);
    command.addAll(List.of("-cp", classPath, "org.shangliang.app.Main", "train"));
    Path log = Path.of(cache + ".log");
    Process training = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!training.waitFor(10, TimeUnit.MINUTES) || training.exitValue() != 0 || !Files.exists(cache)) {
      throw new IllegalStateException("startup cache: training failed, see " + log);
    }
    System.out.printf("startup cache: trained in %.1f s, %d MB%n", (System.nanoTime() - started) / 1e9,
        Files.size(cache) >> 20);
  }

  private static FileTime newestJar(String classPath) throws IOException {
    FileTime newest = FileTime.fromMillis(0);
    for (String entry : classPath.split(File.pathSeparator)) {
      FileTime modified = Files.getLastModifiedTime(Path.of(entry));
      newest = modified.compareTo(newest) > 0 ? modified : newest;
    }
    return newest;
  }

  /** A jar of the folder (rebuilt when a file in it is newer), folders included as entries as Maven's jars have them. */
  private static Path jarOf(Path folder) throws IOException {
    Files.createDirectories(FOLDER);
    Path jar = FOLDER.resolve(folder.getFileName() + ".jar");
    FileTime built = Files.exists(jar) ? Files.getLastModifiedTime(jar) : FileTime.fromMillis(0);
    try (Stream<Path> files = Files.walk(folder)) {
      if (files.noneMatch(f -> lastModified(f).compareTo(built) > 0)) {
        return jar;
      }
    }
    Jars.write(folder, jar, new Manifest());
    return jar;
  }

  private static FileTime lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(Long.MAX_VALUE);
    }
  }
}
