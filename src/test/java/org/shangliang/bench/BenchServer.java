package org.shangliang.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.app.Cluster;
import org.shangliang.app.Config;
import org.shangliang.app.Shangliang;
import org.shangliang.common.Identity;
import org.shangliang.community.Grids;
import org.shangliang.metrics.Meters;
import org.shangliang.notice.SignageAddresses;
import org.shangliang.room.Attendee;
import org.shangliang.room.AttendeeKind;
import org.shangliang.room.Matter;
import org.shangliang.room.Meeting;
import org.shangliang.room.Quorum;
import org.shangliang.room.RoomAddresses;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;
import org.shangliang.support.ScratchFolders;
import org.shangliang.support.StoreProcess;
import org.shangliang.support.StoredBallots;
import org.shangliang.web.HttpLimits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The vote storm's server process: Shangliang in-process on a fresh embedded store with the bench
 * room seeded, answering the load generator's commands on stdin with one "BENCH {json}" line each.
 *
 * <p>Commands: {@code box <voteId>} (the stored ballot box), {@code bare <voteId> <n> <seconds>
 * <coalesceMs>} (publish n tally-shaped frames on this Vert.x at the ballots' pace; answers each
 * frame's due time), {@code usage} (GC pauses, their ms, CPU ns, JIT ms), {@code clock} (System.nanoTime),
 * {@code census} (a full GC, then what the server holds: {@link ServerCensus}), {@code meeting <voters>
 * <matters> <clockSeconds>} (the room's next meeting: {@link SoakMeetings}), {@code heap} (used after a full
 * GC), {@code sockets} (connections held, bridge sockets by kind), {@code reach <tag>} (one small frame to
 * every idle page's address). End of input stops the server.
 */
public final class BenchServer {
  static final String PREFIX = "BENCH ";
  /** System property: the server's store is this MongoDB (e.g. a {@link StoreProcess}), not an embedded one. */
  static final String MONGO_URI = "bench.mongoUri";
  static final String HOST_USER = "benchhost";
  static final String HOST_PASSWORD = "pw";
  /** Paced sends start this long after the command, as the load generator's do. */
  static final long START_DELAY_MS = 20;
  static final int GRIDS = 20;

  private final Vertx vertx;
  private final Shangliang app;
  private final Context context;
  private final StdinCommands commands;
  private String roomId;
  private final List<String> boardIds = new ArrayList<>();
  private IdleSeed idle;

  private BenchServer(Vertx vertx, Shangliang app, PrintStream out) {
    this.vertx = vertx;
    this.app = app;
    this.context = vertx.getOrCreateContext();
    this.commands = new StdinCommands(out);
  }

  /**
   * Arguments: voters displays [boards [idle]]: boards are signage displays spread over {@value #GRIDS} grids;
   * idle is an {@link IdleSeed.Spec} of idle pages seeded besides.
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    // Anything else the server prints must not be taken for an answer.
    System.setOut(System.err);
    int voters = Integer.parseInt(args[0]);
    int displays = Integer.parseInt(args[1]);
    int boards = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Path dataDir = ScratchFolders.create("shangliang-bench");
    // bench.metrics: Vert.x with its Micrometer meters, as the real server starts it (the soak reads them)
    Vertx vertx = Boolean.getBoolean("bench.metrics") ? Await.result(Cluster.vertxFor(Config.local(0, "."))) : Vertx.vertx();
    // the load generator's hundreds of sockets all come from 127.0.0.1: no cap per address
    HttpLimits limits = HttpLimits.DEFAULTS.withConnectionCaps(0, 0);
    // as a node the README starts: it warms up in the background once ready (bench.warmUpVotes=0: not)
    Config config = withStore(Config.local(0, dataDir.toString()).withHttp(limits)
        .withWarmUpVotes(Integer.getInteger("bench.warmUpVotes", Config.DEFAULT_WARM_UP_VOTES)), System.getProperty(MONGO_URI));
    Shangliang app = Await.result(Shangliang.start(vertx, config));
    BenchServer server = new BenchServer(vertx, app, out);
    JsonObject seeded = server.seed(voters, displays).mergeIn(server.seedBoards(boards));
    if (args.length > 3) {
      server.idle = new IdleSeed(app);
      seeded.put("idlePages", server.idle.seed(IdleSeed.Spec.parse(args[3])));
    }
    server.answer(seeded);
    server.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    // No graceful stop: the store is thrown away (the shutdown hook deletes it), and closing 700
    // sockets one by one only fills the log with "Connection was closed".
    System.exit(0);
  }

  /** The config on this MongoDB instead of the embedded store, if one is given. */
  private static Config withStore(Config c, String mongoUri) {
    return mongoUri == null ? c : new Config(c.host(), c.port(), c.dataDir(), mongoUri, c.publicUrl(), c.cluster(),
        c.clusterHost(), c.clusterMembers(), c.http(), c.metrics(), c.bridgeLimits(), c.informWithinWorkingDays(),
        c.warmUpVotes());
  }

  /** The store the server and the load generator both read: the embedded one, or bench.mongoUri's. */
  private String storeUri() {
    String given = System.getProperty(MONGO_URI);
    return given != null ? given : app.db().embeddedUri();
  }

  /**
   * The room straight into the store: a meeting with one matter, an attendee per voter, a host
   * account, a kiosk device per voter and the displays; answers what the clients need to connect.
   */
  private JsonObject seed(int voters, int displays) {
    MongoClient mongo = app.db().mongo();
    roomId = new ObjectId().toHexString();
    String meetingId = new ObjectId().toHexString();
    Meeting meeting = new Meeting(meetingId, roomId, "压测议事会", Quorum.ofCount(1),
        new ArrayList<>(List.of(new Matter(new ObjectId().toHexString(), "压测议题", 180, 2))));
    Await.result(mongo.insert(RoomStore.ROOMS, new JsonObject().put("_id", roomId).put("name", "压测议事室")
        .put("meetingId", meetingId)));
    Await.result(mongo.insert(RoomStore.MEETINGS, meeting.toDocument()));
    List<String> attendeeIds = new ArrayList<>();
    for (int i = 0; i < voters; i++) {
      attendeeIds.add(new ObjectId().toHexString());
    }
    BenchRoom.inBatches(voters, 100, i -> mongo.insert(RoomStore.ATTENDEES, new Attendee(attendeeIds.get(i),
        meetingId, "代表" + (i + 1), AttendeeKind.RESIDENT_REP, false, null, null).toDocument()));
    Await.result(app.accounts().save(HOST_USER, "Bench", Identity.Role.CADRE, HOST_PASSWORD, java.util.List.of()));
    List<String> kiosks = BenchRoom.inBatches(voters, BenchRoom.BATCH, i -> app.devices()
        .enrol(Identity.Role.KIOSK, roomId, "终端" + (i + 1), false).map(d -> d.getString("token")));
    List<String> screens = BenchRoom.inBatches(displays, BenchRoom.BATCH, i -> app.devices()
        .enrol(Identity.Role.DISPLAY, roomId, "大屏" + (i + 1), false).map(d -> d.getString("token")));
    Await.result(app.db().durable());
    return new JsonObject().put("port", app.port()).put("roomId", roomId).put("meetingId", meetingId)
        .put("attendeeIds", new JsonArray(attendeeIds)).put("kioskTokens", new JsonArray(kiosks))
        .put("displayTokens", new JsonArray(screens)).put("hostUser", HOST_USER).put("hostPassword", HOST_PASSWORD)
        .put("mongoUri", storeUri()).put("jvm", ChildJvm.describe());
  }

  private void serve(BufferedReader in) throws IOException {
    commands.serve(in, words -> switch (words[0]) {
      case "box" -> box(words[1]);
      case "bare" -> new JsonObject().put("sentAt", bare(words[1], Integer.parseInt(words[2]),
          Double.parseDouble(words[3]), Long.parseLong(words[4])));
      case "barefan" -> new JsonObject().put("sentAt", bareFan(words[1], Integer.parseInt(words[2])));
      case "census" -> ServerCensus.take(vertx, app.web(), app.port(), app.db(), storeUri());
      case "meeting" -> SoakMeetings.plan(app, roomId, Integer.parseInt(words[1]), Integer.parseInt(words[2]),
          Integer.parseInt(words[3]));
      case "sockets" -> ServerProbe.tcp(app.port()).put("bridge", bridgeSockets());
      case "threads" -> ServerProbe.threadCpu();
      case "reach" -> new JsonObject().put("addresses", reach(words[1]));
      default -> null;
    });
  }

  /** Grids and signage displays straight into the store; answers their ids and tokens. */
  private JsonObject seedBoards(int boards) {
    if (boards == 0) {
      return new JsonObject();
    }
    MongoClient mongo = app.db().mongo();
    List<String> grids = new ArrayList<>();
    for (int g = 0; g < GRIDS; g++) {
      grids.add(new ObjectId().toHexString());
      Await.result(mongo.insert(Grids.COLLECTION, new JsonObject().put("_id", grids.get(g)).put("name", "网格" + (g + 1))));
    }
    List<JsonObject> enrolled = BenchRoom.inBatches(boards, BenchRoom.BATCH,
        i -> app.devices().enrolSignage("公示栏" + (i + 1), grids.get(i % GRIDS)));
    enrolled.forEach(d -> boardIds.add(d.getString("deviceId")));
    Await.result(app.db().durable());
    return new JsonObject().put("boardIds", new JsonArray(boardIds))
        .put("boardTokens", new JsonArray(enrolled.stream().map(d -> d.getString("token")).toList()));
  }

  /**
   * The bare baseline of a notice's fan-out: the same number of frames of the same size, sent
   * by this Vert.x straight to each board's address in one loop. Answers when the loop began.
   */
  private long bareFan(String round, int bytes) {
    String frame = new JsonObject().put("type", "bare").put("round", round)
        .put("padding", "x".repeat(Math.max(0, bytes - 40))).encode();
    CompletableFuture<Long> began = new CompletableFuture<>();
    context.runOnContext(v -> {
      long start = System.nanoTime();
      for (String id : boardIds) {
        vertx.eventBus().publish(SignageAddresses.display(id), frame);
      }
      began.complete(start);
    });
    try {
      return began.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("bare fan-out did not run: " + e);
    }
  }

  /** The bridge's own count of its open sockets, by kind (its /metrics gauge). */
  private static JsonObject bridgeSockets() {
    JsonObject kinds = new JsonObject();
    Meters.registry().find("shangliang.bridge.sockets").gauges()
        .forEach(g -> kinds.put(g.getId().getTag("kind"), (long) g.value()));
    return kinds;
  }

  /** Publishes one small frame to every address an idle page may listen to; answers how many addresses. */
  private int reach(String tag) {
    List<String> addresses = idle == null ? List.of() : idle.addresses;
    String frame = new JsonObject().put("type", "reach").put("tag", tag).encode();
    context.runOnContext(v -> addresses.forEach(a -> vertx.eventBus().publish(a, frame)));
    return addresses.size();
  }

  /** The stored ballots in the shape the load side checks: the authoritative count and every voter. */
  private JsonObject box(String voteId) {
    StoredBallots stored = StoredBallots.of(app.db().mongo(), voteId);
    return new JsonObject().put("box", new JsonObject().put("cast", stored.cast()).put("voters", stored.voters())
        .put("counts", stored.counts()));
  }

  /**
   * Publishes frames cast = 1..n due at the ballots' pace, one per due time or (coalesceMs &gt; 0)
   * the newest at most once per coalesceMs, as the server does with tallies. Answers when each cast
   * was due (System.nanoTime, index = cast), once cast n has been published.
   */
  private JsonArray bare(String voteId, int n, double seconds, long coalesceMs) {
    String address = RoomAddresses.tally(roomId);
    long[] dueAt = new long[n + 1];
    AtomicInteger pending = new AtomicInteger();
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> {
      for (int i = 1; i <= n; i++) {
        int k = i;
        vertx.setTimer(START_DELAY_MS + Math.round((k - 1) * seconds * 1000 / n), t -> {
          dueAt[k] = System.nanoTime();
          if (coalesceMs <= 0) {
            publish(address, voteId, k, n, done);
          } else if (pending.getAndSet(k) == 0) {
            vertx.setTimer(coalesceMs, c -> publish(address, voteId, pending.getAndSet(0), n, done));
          }
        });
      }
    });
    try {
      done.get((long) (seconds * 1000) + 10_000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("bare broadcast did not finish: " + e);
    }
    JsonArray answer = new JsonArray();
    for (long t : dueAt) {
      answer.add(t);
    }
    return answer;
  }

  private void publish(String address, String voteId, int cast, int n, CompletableFuture<Void> done) {
    JsonObject counts = new JsonObject().put("FOR", (cast + 2) / 3).put("AGAINST", (cast + 1) / 3)
        .put("ABSTAIN", cast / 3);
    // The same form as the server's own tallies: JSON text encoded once.
    vertx.eventBus().publish(address, new JsonObject().put("voteId", voteId).put("cast", cast).put("counts", counts)
        .put("kind", "tally").put("serverTime", System.currentTimeMillis()).encode());
    if (cast == n) {
      done.complete(null);
    }
  }

  private void answer(JsonObject answer) {
    commands.answer(answer);
  }

}
