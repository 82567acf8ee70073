package org.shangliang.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Data folders for servers started by tests and benchmarks, removed when the JVM exits. Not when
 * the server stops: several tests restart a server on the folder of the one before.
 */
public final class ScratchFolders {
  private static final List<Path> CREATED = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ScratchFolders::deleteAll, "scratch-folders"));
  }

  private ScratchFolders() {
  }

  /** A new empty folder in the system's temporary folder, named after {@code prefix}. */
  public static Path create(String prefix) throws IOException {
    return remember(Files.createTempDirectory(prefix));
  }

  /** A new empty folder in {@code parent}, named after {@code prefix}. */
  public static Path create(Path parent, String prefix) throws IOException {
    return remember(Files.createTempDirectory(parent, prefix));
  }

  private static Path remember(Path dir) {
    synchronized (CREATED) {
      CREATED.add(dir);
    }
    return dir;
  }

  /** Deletes a folder and everything in it; says so on stderr when it cannot. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }

  private static void deleteAll() {
    synchronized (CREATED) {
      CREATED.forEach(ScratchFolders::deleteTree);
    }
  }
}
