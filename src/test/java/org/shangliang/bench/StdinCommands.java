package org.shangliang.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * A benchmark server process's end of {@link ServerLink}: one command per line on stdin, one
 * {@code BENCH {json}} answer line each on the process's own stdout. The commands every such
 * process answers (usage, clock, heap) are here; a server adds its own.
 */
final class StdinCommands {
  private final PrintStream out;

  StdinCommands(PrintStream out) {
    this.out = out;
  }

  void answer(JsonObject answer) {
    synchronized (out) {
      out.println(BenchServer.PREFIX + answer.encode());
      out.flush();
    }
  }

  /** Answers each line until stdin ends; own answers a server's command, or null for one it does not know. */
  void serve(BufferedReader in, Function<String[], JsonObject> own) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      String[] words = line.trim().split("\\s+");
      try {
        JsonObject answer = own.apply(words);
        answer(answer != null ? answer : common(words, line));
      } catch (RuntimeException e) {
        answer(new JsonObject().put("error", e.toString()));
      }
    }
  }

  private static JsonObject common(String[] words, String line) {
    return switch (words[0]) {
      case "usage" -> {
        long[] usage = ChildJvm.usage();
        yield new JsonObject().put("usage", new JsonArray(List.of(usage[0], usage[1], usage[2], usage[3])));
      }
      case "clock" -> new JsonObject().put("nanos", System.nanoTime());
      case "heap" -> ServerProbe.heapAfterGc();
      default -> new JsonObject().put("error", "unknown command " + line);
    };
  }
}
