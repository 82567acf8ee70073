package org.shangliang.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a benchmark's server process says about itself while pages sit idle: its heap after a full
 * collection, the TCP connections it holds on its port (read from the kernel, not from Vert.x, so
 * a socket the application forgot still counts), and its open file descriptors. Linux only; the
 * counts are -1 elsewhere.
 */
final class ServerProbe {
  /** TCP states in /proc/net/tcp (include/net/tcp_states.h). */
  private static final String ESTABLISHED = "01";
  private static final String CLOSE_WAIT = "08";
  private static final String LISTEN = "0A";

  private ServerProbe() {
  }

  /**
   * Heap used after two explicit full collections (G1 runs System.gc() as a full, stop-the-world
   * collection unless told otherwise), and the heap committed and allowed: {used, committed, max}.
   */
  static JsonObject heapAfterGc() {
    System.gc();
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return new JsonObject().put("used", heap.getUsed()).put("committed", heap.getCommitted()).put("max", heap.getMax());
  }

  /**
   * CPU time so far of this process's threads, in nanoseconds, by kind of thread: the kernel's
   * name for each thread (its first 15 characters) without digits, so "vert.x-eventloo" sums the
   * event loops and "C2 CompilerThre" the JIT's. The kernel counts in clock ticks (10 ms).
   */
  static JsonObject threadCpu() {
    JsonObject byKind = new JsonObject();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(task -> {
        try {
          String kind = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9#]+", "");
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
          byKind.put(kind, byKind.getLong(kind, 0L) + nanos);
        } catch (IOException | RuntimeException e) {
          // the thread ended while being read
        }
      });
    } catch (IOException e) {
      return new JsonObject();
    }
    return byKind;
  }

  /**
   * The connections this process accepted on this port, by state: established, closeWait (the peer
   * closed, the server still holds its end: a leak if it lasts), other (closing states), and this
   * process's open file descriptors. The kernel's table is the machine's: only entries whose socket
   * is one of this process's descriptors count.
   */
  static JsonObject tcp(int port) {
    int[] counts = new int[3];
    Set<String> own = ownSockets();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try (Stream<String> lines = Files.lines(Path.of(table))) {
        lines.skip(1).forEach(line -> count(line, port, own, counts));
      } catch (IOException | RuntimeException e) {
        if (table.endsWith("tcp")) {
          return new JsonObject().put("established", -1).put("closeWait", -1).put("other", -1).put("fds", -1);
        }
      }
    }
    return new JsonObject().put("established", counts[0]).put("closeWait", counts[1]).put("other", counts[2])
        .put("fds", openFiles());
  }

  private static void count(String line, int port, Set<String> own, int[] counts) {
    String[] fields = line.trim().split("\\s+");
    if (fields.length < 10 || !own.contains(fields[9])) {
      return;
    }
    String local = fields[1];
    int localPort = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
    String state = fields[3].toUpperCase(Locale.ROOT);
    if (localPort != port || LISTEN.equals(state)) {
      return;
    }
    counts[ESTABLISHED.equals(state) ? 0 : CLOSE_WAIT.equals(state) ? 1 : 2]++;
  }

  /** The inodes of this process's sockets, from its descriptors' links ("socket:[inode]"). */
  private static Set<String> ownSockets() {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.forEach(fd -> {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException | RuntimeException e) {
          // closed meanwhile
        }
      });
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
    return inodes;
  }

  /** The machine's load averages (1, 5, 15 min) as /proc/loadavg gives them, or "?". */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** This process's open file descriptors, or -1. */
  static long openFiles() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The most files this process may open (its soft limit), or -1 if unknown. */
  static long maxOpenFiles() {
    try (Stream<String> limits = Files.lines(Path.of("/proc/self/limits"))) {
      return limits.filter(l -> l.startsWith("Max open files")).findFirst()
          .map(l -> l.substring("Max open files".length()).trim().split("\\s+")[0])
          .map(v -> "unlimited".equals(v) ? Long.MAX_VALUE : Long.parseLong(v)).orElse(-1L);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
