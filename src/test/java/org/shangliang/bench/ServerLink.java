package org.shangliang.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's handle on the {@link BenchServer} process: starts it on its own core, reads
 * what it seeded, and sends it one command at a time over its stdin, waiting for its answer line.
 */
final class ServerLink implements AutoCloseable {
  private static final long SETUP_TIMEOUT_MS = 120_000;
  private static final long ANSWER_TIMEOUT_MS = 60_000;
  private static final IdleSeed.Spec NO_IDLE_PAGES = new IdleSeed.Spec(0, 0, 0, 1);

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<JsonObject> answers = new LinkedBlockingQueue<>();
  private final JsonObject hello;
  /** Server's System.nanoTime minus ours; 0 when both read the same clock, as on one Linux machine. */
  private long clockOffset;
  private String clockNote = "";

  private ServerLink(Process process, long setupTimeoutMs) throws InterruptedException {
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readAnswers, "bench-server-reader");
    reader.setDaemon(true);
    reader.start();
    hello = next(setupTimeoutMs, "seeding the room");
  }

  /** Starts the server process (on core, or unpinned when core &lt; 0) and waits until its room is seeded. */
  static ServerLink start(int core, int voters, int displays) throws IOException, InterruptedException {
    return start(core, voters, displays, 0);
  }

  /**
   * JVM flags for the server process alone, from bench.serverFlags, separated by spaces or by a
   * comma before the next flag's dash: a flag's own commas stay (an agent's options, say).
   */
  static List<String> serverOnlyFlags() {
    String flags = System.getProperty("bench.serverFlags", "").trim();
    return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+|,(?=-)"));
  }

  /** As {@link #start(int, int, int)}, with this many notice-board displays besides. */
  static ServerLink start(int core, int voters, int displays, int boards) throws IOException, InterruptedException {
    return start(core, voters, displays, boards, NO_IDLE_PAGES, List.of());
  }

  /** As {@link #start(int, int, int, int)}, with these JVM flags for the server besides bench.serverFlags. */
  static ServerLink start(int core, int voters, int displays, int boards, List<String> serverFlags)
      throws IOException, InterruptedException {
    return start(core, voters, displays, boards, NO_IDLE_PAGES, serverFlags);
  }

  /** As {@link #start(int, int, int, int)}, with idle pages seeded besides. */
  static ServerLink start(int core, int voters, int displays, int boards, IdleSeed.Spec idle)
      throws IOException, InterruptedException {
    return start(core, voters, displays, boards, idle, List.of());
  }

  /**
   * The server process with everything a benchmark may ask of it: idle pages seeded besides (an
   * {@link IdleSeed.Spec}; the hello's idlePages lists them; 10,000 devices take minutes on a busy
   * core) and these JVM flags besides bench.serverFlags and the start-up cache's.
   */
  static ServerLink start(int core, int voters, int displays, int boards, IdleSeed.Spec idle, List<String> serverFlags)
      throws IOException, InterruptedException {
    String classPath = StartupCache.classPath();
    List<String> flags = new ArrayList<>(serverOnlyFlags());
    flags.addAll(serverFlags);
    flags.addAll(StartupCache.flags(classPath));
    List<String> args = new ArrayList<>(List.of(String.valueOf(voters), String.valueOf(displays), String.valueOf(boards)));
    if (idle.pages() > 0) {
      args.add(idle.toString());
    }
    Process process = ChildJvm.start(core, flags, classPath, BenchServer.class.getName(), args, false);
    ServerLink link = new ServerLink(process, SETUP_TIMEOUT_MS + idle.pages() * 60L);
    link.measureClock();
    return link;
  }

  /** The server process's threads now (jcmd of the JDK running this), or why they could not be read. */
  String threadDump() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
          .redirectErrorStream(true).start();
      String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      dump.waitFor(30, TimeUnit.SECONDS);
      return "the server's threads:\n" + text;
    } catch (IOException | InterruptedException e) {
      return "the server's threads could not be read: " + e;
    }
  }

  /** After a full GC in the server: heap, threads, sockets, timers, event-bus handlers ({@link ServerCensus}). */
  JsonObject census() throws InterruptedException {
    return ask("census");
  }

  /** Plans the room's next meeting ({@link SoakMeetings}); answers {meetingId, attendeeIds}. */
  JsonObject planMeeting(int voters, int matters, int clockSeconds) throws InterruptedException {
    return ask("meeting " + voters + " " + matters + " " + clockSeconds);
  }

  /** The idle screens' bare baseline: a {@link BareBridgeServer} on the core; its hello holds its port. */
  static ServerLink startBare(int core) throws IOException, InterruptedException {
    Process process = ChildJvm.start(core, serverOnlyFlags(), BareBridgeServer.class.getName(), List.of(), false);
    ServerLink link = new ServerLink(process, SETUP_TIMEOUT_MS);
    link.measureClock();
    return link;
  }

  /** The server's heap after a full GC: {used, committed, max} in bytes. */
  JsonObject heap() throws InterruptedException {
    return ask("heap");
  }

  /** The connections the server holds on its port: {established, closeWait, other, fds, bridge: {kind: n}}. */
  JsonObject sockets() throws InterruptedException {
    return ask("sockets");
  }

  /** The server's CPU nanoseconds so far by kind of thread ({@link ServerProbe#threadCpu()}). */
  JsonObject threadCpu() throws InterruptedException {
    return ask("threads");
  }

  /** Has the server publish one frame tagged so to every idle page's address; answers how many addresses. */
  int reach(String tag) throws InterruptedException {
    return ask("reach " + tag).getInteger("addresses");
  }

  /** What the server seeded: port, roomId, attendeeIds, kioskTokens, displayTokens, host login, jvm. */
  JsonObject hello() {
    return hello;
  }

  String clockNote() {
    return clockNote;
  }

  /** The stored ballot box of the vote, or null. */
  JsonObject box(String voteId) throws InterruptedException {
    return ask("box " + voteId).getJsonObject("box");
  }

  /** Has the server publish n tally-shaped frames at the ballots' pace; answers when each was due, in our clock. */
  long[] bare(String voteId, int n, double seconds, long coalesceMs) throws InterruptedException {
    JsonArray due = ask("bare " + voteId + " " + n + " " + seconds + " " + coalesceMs).getJsonArray("sentAt");
    long[] sentAt = new long[due.size()];
    for (int k = 1; k < sentAt.length; k++) {
      long t = due.getLong(k);
      sentAt[k] = t == 0 ? 0 : t - clockOffset;
    }
    return sentAt;
  }

  /** Has the server send a frame of about this size to every board at once; answers when it began, in our clock. */
  long bareFan(String round, int bytes) throws InterruptedException {
    return ask("barefan " + round + " " + bytes).getLong("sentAt") - clockOffset;
  }

  /** The server's GC pauses, CPU and JIT time so far: {pauses, pause ms, CPU ns, JIT ms}. */
  long[] usage() throws InterruptedException {
    JsonArray usage = ask("usage").getJsonArray("usage");
    return new long[] {usage.getLong(0), usage.getLong(1), usage.getLong(2), usage.getLong(3)};
  }

  /**
   * Compares the two processes' System.nanoTime with the tightest of a few round trips. Linux gives
   * both the same monotonic clock, so the offset is within the round trip and is taken as 0.
   */
  private void measureClock() throws InterruptedException {
    long bestRtt = Long.MAX_VALUE;
    long offset = 0;
    for (int i = 0; i < 20; i++) {
      long before = System.nanoTime();
      long server = ask("clock").getLong("nanos");
      long after = System.nanoTime();
      if (after - before < bestRtt) {
        bestRtt = after - before;
        offset = server - (before + after) / 2;
      }
    }
    boolean shared = Math.abs(offset) <= bestRtt / 2;
    clockOffset = shared ? 0 : offset;
    clockNote = shared
        ? String.format("one clock (server's System.nanoTime within the %.2f ms round trip of ours)", bestRtt / 1e6)
        : String.format("clocks differ: server ahead by %.3f ms, corrected (± %.2f ms)", offset / 1e6, bestRtt / 2e6);
  }

  private synchronized JsonObject ask(String command) throws InterruptedException {
    try {
      commands.write(command + "\n");
      commands.flush();
    } catch (IOException e) {
      throw new IllegalStateException("bench server gone: " + e);
    }
    JsonObject answer = next(ANSWER_TIMEOUT_MS, command);
    if (answer.containsKey("error")) {
      throw new IllegalStateException("bench server: " + answer.getString("error"));
    }
    return answer;
  }

  private JsonObject next(long timeoutMs, String what) throws InterruptedException {
    JsonObject answer = answers.poll(timeoutMs, TimeUnit.MILLISECONDS);
    if (answer == null || answer.containsKey("exited")) {
      throw new IllegalStateException("no answer from the bench server to " + what
          + (process.isAlive() ? " in time" : ": it exited with " + process.exitValue()));
    }
    return answer;
  }

  private void readAnswers() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith(BenchServer.PREFIX)) {
          answers.add(new JsonObject(line.substring(BenchServer.PREFIX.length())));
        } else {
          System.err.println("server| " + line);
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("bench server output: " + e);
    }
    answers.add(new JsonObject().put("exited", true));
  }

  /** Ends the server: closing its stdin stops it cleanly; destroy if it lingers. */
  @Override
  public void close() {
    try {
      commands.close();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        ChildJvm.destroy(process);
      }
    } catch (IOException e) {
      ChildJvm.destroy(process);
    } catch (InterruptedException e) {
      ChildJvm.destroy(process);
      Thread.currentThread().interrupt();
    }
  }
}
