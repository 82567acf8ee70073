package org.shangliang.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.spi.json.JsonCodec;

import java.util.Map;

/**
 * Vert.x's two JSON codecs on the bridge's frames (not a test; never gates a build): the streaming
 * one, Vert.x's without jackson-databind, as the baseline, against the databind one, which Vert.x
 * takes up by itself once jackson-databind is on the class path, as it is for the schema
 * validator (docs/BENCHMARKS.md, "Schema checks"). Frames as pages send and receive them:
 * a board's heartbeat (decoded), a ballot (decoded), a room's state with 100 attendees (encoded),
 * a tally (encoded). The two alternate in rounds after a warm-up, on one thread; it prints the
 * median time per frame of each and the ratio.
 *
 * <p>Parameters (system properties): bench.frames (100000 per round), bench.rounds (9).
 */
public final class JsonCodecBenchmark {
  private JsonCodecBenchmark() {
  }

  public static void main(String[] args) {
    int frames = Integer.getInteger("bench.frames", 100_000);
    int rounds = Integer.getInteger("bench.rounds", 9);
    JsonCodec streaming = new JacksonCodec();
    JsonCodec databind = new DatabindCodec();
    String heartbeat = sendFrame("signage.cmd", new JsonObject().put("action", "heartbeat").put("current", id(1))
        .put("shown", new JsonArray().add(id(1)).add(id(2)).add(id(3)))).encode();
    String ballot = sendFrame("room.cmd", new JsonObject().put("action", "castBallot").put("roomId", id(9))
        .put("attendeeId", id(10)).put("voteId", id(11)).put("choice", "FOR")).encode();
    JsonObject state = roomState();
    JsonObject tally = new JsonObject().put("type", "rec").put("address", "room." + id(9) + ".tally")
        .put("body", new JsonObject().put("voteId", id(11)).put("counts", new JsonObject().put("FOR", 57)
            .put("AGAINST", 12).put("ABSTAIN", 3)).put("cast", 72).put("present", 100).put("open", true));
    System.out.printf("JsonCodecBenchmark: %d frames per round, %d rounds, one thread; state frame %d bytes; java %s%n",
        frames, rounds, state.encode().length(), System.getProperty("java.version"));
    compare("decode a heartbeat", frames, rounds, streaming, databind, c -> c.fromString(heartbeat, Map.class));
    compare("decode a ballot", frames, rounds, streaming, databind, c -> c.fromString(ballot, Map.class));
    Buffer heartbeatBytes = Buffer.buffer(heartbeat);
    compare("decode a heartbeat's bytes", frames, rounds, streaming, databind, c -> c.fromBuffer(heartbeatBytes, Map.class));
    // a SockJS frame from a page: a JSON array holding the bridge message as text, decoded twice
    String sockJs = new JsonArray().add(heartbeat).encode();
    compare("decode a SockJS frame", frames, rounds, streaming, databind,
        c -> c.fromString(((java.util.List<?>) c.fromString(sockJs, java.util.List.class)).get(0).toString(), Map.class));
    compare("encode a room state", frames / 10, rounds, streaming, databind, c -> c.toString(state, false));
    compare("encode a tally", frames, rounds, streaming, databind, c -> c.toString(tally, false));
    compare("encode a tally's bytes", frames, rounds, streaming, databind, c -> c.toBuffer(tally, false));
  }

  private interface Work {
    Object on(JsonCodec codec);
  }

  private static void compare(String label, int frames, int rounds, JsonCodec streaming, JsonCodec databind, Work work) {
    if (!String.valueOf(work.on(streaming)).equals(String.valueOf(work.on(databind)))) {
      throw new IllegalStateException(label + ": the two codecs disagree");
    }
    time(streaming, work, frames);
    time(databind, work, frames);
    RoundTimes s = RoundTimes.of(rounds);
    RoundTimes d = RoundTimes.of(rounds);
    for (int r = 0; r < rounds; r++) {
      d.set(r, time(databind, work, frames));
      s.set(r, time(streaming, work, frames));
    }
    System.out.printf("%-20s streaming %.3f µs (rounds %.3f–%.3f)   databind %.3f µs (%.3f–%.3f)   streaming/databind"
        + " %.2fx%n", label, s.median(), s.min(), s.max(), d.median(), d.min(), d.max(), s.median() / d.median());
  }

  private static double time(JsonCodec codec, Work work, int frames) {
    long started = System.nanoTime();
    int sink = 0;
    for (int i = 0; i < frames; i++) {
      sink += work.on(codec).hashCode() & 1;
    }
    if (sink < 0) {
      throw new IllegalStateException();
    }
    return (System.nanoTime() - started) / 1e3 / frames;
  }

  private static JsonObject sendFrame(String address, JsonObject body) {
    return new JsonObject().put("type", "send").put("address", address)
        .put("headers", new JsonObject().put("token", "Zk3x9Qp2Lm8Rt5Vw7Yb1Nc4Hd6Jf0Gs2Ak9Xe3Uo5Ip7"))
        .put("body", body).put("replyAddress", "4c0d2f1e-8c52-4b7e-9d3a-2f6a1b0c9e77");
  }

  /** A room's state as its displays get it: the meeting, four matters, a queue, 100 attendees. */
  private static JsonObject roomState() {
    JsonArray attendees = new JsonArray();
    for (int i = 0; i < 100; i++) {
      attendees.add(new JsonObject().put("id", id(100 + i)).put("name", "居民" + i).put("building", (i % 12 + 1) + "号楼")
          .put("checkedInAt", 1_764_000_000_000L + i * 1000L).put("kind", i % 10 == 0 ? "REPRESENTATIVE" : "RESIDENT"));
    }
    JsonArray matters = new JsonArray();
    for (int m = 0; m < 4; m++) {
      matters.add(new JsonObject().put("id", id(50 + m)).put("title", "议题" + (m + 1) + "：老旧小区加装电梯费用分摊方案")
          .put("status", m == 0 ? "DISCUSSING" : "PENDING").put("topicKind", "INQUIRY"));
    }
    JsonArray queue = new JsonArray();
    for (int q = 0; q < 8; q++) {
      queue.add(new JsonObject().put("attendeeId", id(100 + q)).put("raisedAt", 1_764_000_100_000L + q));
    }
    return new JsonObject().put("type", "rec").put("address", "room." + id(9) + ".state").put("body", new JsonObject()
        .put("meeting", new JsonObject().put("id", id(8)).put("title", "红色邻里议事会").put("status", "OPEN")
            .put("matters", matters).put("currentMatter", id(50)).put("queue", queue)
            .put("floor", new JsonObject().put("attendeeId", id(100)).put("endsAt", 1_764_000_300_000L)))
        .put("attendees", attendees).put("version", 42).put("serverTime", 1_764_000_200_000L));
  }

  private static String id(int n) {
    return String.format("%024x", 0x5f00_0000L + n);
  }
}
