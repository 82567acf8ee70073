package org.shangliang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a server's JIT log (HotSpot's {@code -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation
 * -XX:LogFile=…}, given to a benchmark's server with {@code -Dbench.serverFlags=…}) and prints what
 * the optimising compiler (C2) was doing: per 10 s how busy it was and how many methods waited in
 * its queue, and, for a window of seconds since the JVM started, the compilations that ran in it,
 * longest first. That is what tells a round slowed by the JIT from one slowed by anything else.
 * For the window it also tells C2's first compilations of a method from its recompilations (the
 * method had C2 code before, which met something its profile had not seen and was thrown away: an
 * uncommon trap, also counted by reason).
 *
 * <p>Arguments: the log file, then optionally the window's start and end in seconds since the JVM
 * started ({@code stamp} in the log). Not a test; never gates a build.
 */
public final class CompileLog {
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)='([^']*)'");
  private static final int BUCKET_SECONDS = 10;
  private static final int SHOWN = 15;

  /** One compilation: queued, started and finished at these stamps (seconds since the JVM started). */
  record Task(String method, boolean optimising, double queued, double started, double finished) {
    double seconds(double from, double to) {
      return Math.max(0, Math.min(finished, to) - Math.max(started, from));
    }
  }

  /** Compiled code that met what its profile had not seen, at this stamp: HotSpot's reason for it. */
  record Trap(double stamp, String reason) {
  }

  record Log(List<Task> tasks, List<Trap> traps) {
  }

  private CompileLog() {
  }

  public static void main(String[] args) throws IOException {
    Log log = read(Path.of(args[0]));
    printTimeline(log.tasks());
    if (args.length >= 3) {
      printWindow(log, Double.parseDouble(args[1]), Double.parseDouble(args[2]));
    }
  }

  /**
   * The compilations in the log. A task is queued in the VM's own part of the log
   * ({@code task_queued}, whose {@code level} is absent for C2) and compiled in its compiler
   * thread's part ({@code task} … {@code task_done}), which the VM appends at exit. A trap in
   * compiled code is an {@code uncommon_trap} that names its compilation.
   */
  static Log read(Path log) throws IOException {
    Map<String, Double> queued = new HashMap<>();
    Map<String, Boolean> optimising = new HashMap<>();
    List<Task> tasks = new ArrayList<>();
    List<Trap> traps = new ArrayList<>();
    Map<String, String> open = null;
    try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("<task_queued ")) {
          Map<String, String> a = attributes(line);
          queued.put(a.get("compile_id"), Double.parseDouble(a.get("stamp")));
          optimising.put(a.get("compile_id"), !a.containsKey("level") || "4".equals(a.get("level")));
        } else if (line.startsWith("<task ")) {
          open = attributes(line);
        } else if (line.startsWith("<task_done") && open != null) {
          String id = open.get("compile_id");
          double started = Double.parseDouble(open.get("stamp"));
          tasks.add(new Task(open.get("method"), optimising.getOrDefault(id, false), queued.getOrDefault(id, started),
              started, Double.parseDouble(attributes(line).get("stamp"))));
          open = null;
        } else if (line.startsWith("<uncommon_trap ") && line.contains("compile_id=")) {
          Map<String, String> a = attributes(line);
          traps.add(new Trap(Double.parseDouble(a.get("stamp")), a.get("reason")));
        }
      }
    }
    return new Log(tasks, traps);
  }

  private static Map<String, String> attributes(String line) {
    Map<String, String> a = new HashMap<>();
    Matcher m = ATTRIBUTE.matcher(line);
    while (m.find()) {
      a.put(m.group(1), m.group(2).replace("&lt;", "<").replace("&gt;", ">"));
    }
    return a;
  }

  private static void printTimeline(List<Task> tasks) {
    List<Task> optimising = tasks.stream().filter(Task::optimising).toList();
    double end = optimising.stream().mapToDouble(Task::finished).max().orElse(0);
    System.out.println("C2, per " + BUCKET_SECONDS + " s since the JVM started: busy, methods waiting in its queue"
        + " at the bucket's middle, compilations started and their mean wait in the queue");
    for (int from = 0; from < end; from += BUCKET_SECONDS) {
      double lo = from;
      double hi = from + BUCKET_SECONDS;
      double middle = from + BUCKET_SECONDS / 2.0;
      double busy = optimising.stream().mapToDouble(t -> t.seconds(lo, hi)).sum();
      long waiting = optimising.stream().filter(t -> t.queued() <= middle && t.started() > middle).count();
      List<Task> started = optimising.stream().filter(t -> t.started() >= lo && t.started() < hi).toList();
      double meanWait = started.stream().mapToDouble(t -> t.started() - t.queued()).average().orElse(0);
      System.out.printf("  %4d–%4d s: busy %3.0f %%, waiting %4d, started %4d, mean wait %5.1f s%n",
          from, from + BUCKET_SECONDS, 100 * busy / BUCKET_SECONDS, waiting, started.size(), meanWait);
    }
  }

  private static void printWindow(Log log, double from, double to) {
    List<Task> inWindow = log.tasks().stream().filter(t -> t.seconds(from, to) > 0 || (t.started() >= from && t.started() < to))
        .sorted(Comparator.comparingDouble((Task t) -> t.seconds(from, to)).reversed()).toList();
    double all = inWindow.stream().mapToDouble(t -> t.seconds(from, to)).sum();
    System.out.printf("%d compilations ran in %.1f–%.1f s, %.0f ms in all; the longest:%n", inWindow.size(), from, to, all * 1000);
    Map<String, Double> firstOptimised = firstOptimised(log.tasks());
    inWindow.stream().limit(SHOWN).forEach(t -> System.out.printf("  %6.0f ms %s, queued at %.1f s: %s%n",
        t.seconds(from, to) * 1000, t.optimising() ? (recompiles(t, firstOptimised) ? "C2 again" : "C2") : "C1",
        t.queued(), t.method()));
    double again = inWindow.stream().filter(t -> t.optimising() && recompiles(t, firstOptimised))
        .mapToDouble(t -> t.seconds(from, to)).sum();
    double first = inWindow.stream().filter(t -> t.optimising() && !recompiles(t, firstOptimised))
        .mapToDouble(t -> t.seconds(from, to)).sum();
    System.out.printf("C2 in the window: %.0f ms recompiling methods it had compiled before, %.0f ms compiling methods"
        + " for the first time; C1 %.0f ms%n", again * 1000, first * 1000, (all - again - first) * 1000);
    Map<String, Long> traps = new TreeMap<>();
    log.traps().stream().filter(t -> t.stamp() >= from && t.stamp() < to).forEach(t -> traps.merge(t.reason(), 1L, Long::sum));
    System.out.println("uncommon traps in compiled code in the window, by reason: " + traps);
  }

  /** When C2 first finished compiling each method. */
  private static Map<String, Double> firstOptimised(List<Task> tasks) {
    Map<String, Double> first = new HashMap<>();
    tasks.stream().filter(Task::optimising).forEach(t -> first.merge(t.method(), t.finished(), Math::min));
    return first;
  }

  private static boolean recompiles(Task task, Map<String, Double> firstOptimised) {
    return task.optimising() && firstOptimised.getOrDefault(task.method(), Double.MAX_VALUE) < task.started();
  }
}
