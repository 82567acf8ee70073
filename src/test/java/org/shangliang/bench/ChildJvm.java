package org.shangliang.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts the benchmark's JVMs, each pinned to one core with taskset when it can, and ties every
 * child's life to its parent's: a child whose stdin closes exits, and a parent destroys its child.
 */
final class ChildJvm {
  /** The system property that tells the benchmark's main it runs as the load generator. */
  static final String ROLE = "bench.role";

  private ChildJvm() {
  }

  /** Whether children can be pinned: taskset runs and there are at least two cores to split. */
  static boolean canPin() {
    if (Runtime.getRuntime().availableProcessors() < 2 || Boolean.getBoolean("bench.noPin")) {
      return false;
    }
    try {
      Process probe = new ProcessBuilder("taskset", "-c", "0,1", "true").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Starts java with this JVM's own flags and class path on the given core (or unpinned when
   * core &lt; 0). Its stdout is the caller's to read unless inheritOutput; stderr is inherited.
   */
  static Process start(int core, List<String> extraFlags, String mainClass, List<String> args, boolean inheritOutput)
      throws IOException {
    return start(core, extraFlags, System.getProperty("java.class.path"), mainClass, args, inheritOutput);
  }

  /** As above, on another class path (e.g. the jars a start-up cache needs, see {@link StartupCache}). */
  static Process start(int core, List<String> extraFlags, String classPath, String mainClass, List<String> args,
                       boolean inheritOutput) throws IOException {
    List<String> command = new ArrayList<>();
    if (core >= 0) {
      command.addAll(List.of("taskset", "-c", String.valueOf(core)));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> inherited = childFlags();
    if (extraFlags.stream().anyMatch(ChildJvm::choosesCollector)) {
      inherited.removeIf(ChildJvm::choosesCollector);
    }
    command.addAll(inherited);
    command.addAll(extraFlags);
    command.addAll(List.of("-cp", classPath, mainClass));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    if (inheritOutput) {
      builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
    }
    Process child = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> destroy(child)));
    return child;
  }

  /**
   * This JVM's flags minus the role, plus G1 unless a collector was chosen: a JVM pinned to one core
   * would otherwise pick the serial collector, and the figures in FACTS.md are G1's.
   */
  static List<String> childFlags() {
    List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(f -> !f.startsWith("-D" + ROLE + "=")).collect(Collectors.toCollection(ArrayList::new));
    if (flags.stream().noneMatch(ChildJvm::choosesCollector)) {
      flags.add("-XX:+UseG1GC");
    }
    return flags;
  }

  private static boolean choosesCollector(String flag) {
    return flag.matches("-XX:\\+Use\\w*GC");
  }

  /** Destroys the child and waits a little for it; safe to call twice. */
  static void destroy(Process child) {
    if (!child.isAlive()) {
      return;
    }
    child.destroy();
    try {
      if (!child.waitFor(5, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Closes a load generator's Vert.x at the end of a run, waiting a little; a failure is only printed. */
  static void closeQuietly(io.vertx.core.Vertx vertx) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("shutdown: " + e);
    }
  }

  /** In a child whose stdin nobody else reads: exit once the parent closes it (or dies). */
  static void exitWhenStdinCloses() {
    Thread watcher = new Thread(() -> {
      try {
        InputStream in = System.in;
        while (in.read() >= 0) {
          continue;
        }
      } catch (IOException e) {
        // A broken pipe means the same as end of input: the parent is gone.
      }
      System.err.println("load generator: parent gone, exiting");
      System.exit(3);
    }, "parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** This JVM as the header shows it: allowed cores, collector and flags. */
  static String describe() {
    return String.format("cores %s of %d, java %s, GC %s, flags %s", allowedCpus(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining("+")), ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /** The cores this process may run on, from /proc (Linux); "?" elsewhere. */
  static String allowedCpus() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Cpus_allowed_list:"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  /**
   * GC pauses, CPU and JIT time so far in this JVM: {pauses, pause milliseconds, CPU nanoseconds,
   * JIT compilation milliseconds (-1 if unknown)}.
   */
  static long[] usage() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, bean.getCollectionCount());
      millis += Math.max(0, bean.getCollectionTime());
    }
    long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    return new long[] {count, millis, cpu, jitMillis};
  }
}
