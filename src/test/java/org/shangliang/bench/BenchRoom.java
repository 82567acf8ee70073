package org.shangliang.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.app.Shangliang;
import org.shangliang.auth.Identity;
import org.shangliang.room.Attendee;
import org.shangliang.room.AttendeeKind;
import org.shangliang.room.Matter;
import org.shangliang.room.Meeting;
import org.shangliang.room.RoomAddresses;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.Http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The benchmark's room, seeded straight into the server's store: a meeting with one matter, one
 * attendee per voter checked in on a personal kiosk of their own, and the room's displays, each a
 * real WebSocket to the bridge. Connections are opened in batches to avoid a connect storm.
 */
final class BenchRoom {
  static final int BATCH = 50;
  static final long PING_MS = 5_000;

  final String roomId = new ObjectId().toHexString();
  final String meetingId = new ObjectId().toHexString();
  final List<String> attendeeIds = new ArrayList<>();
  /** Held for the whole run: an unreachable client is closed by Vert.x. */
  final List<BridgeClient> kiosks = new ArrayList<>();
  final List<DisplaySocket> displays = new ArrayList<>();
  final List<DisplayWatch> watches = new ArrayList<>();
  BridgeClient host;

  private final Shangliang app;
  private final Vertx clientVertx;
  private final int voters;

  private BenchRoom(Shangliang app, Vertx clientVertx, int voters) {
    this.app = app;
    this.clientVertx = clientVertx;
    this.voters = voters;
  }

  /** Seeds the room, signs the host in, connects and checks in every kiosk, connects every display. */
  static BenchRoom create(Shangliang app, Vertx clientVertx, int voters, int displayCount) throws Exception {
    BenchRoom room = new BenchRoom(app, clientVertx, voters);
    room.seed();
    room.connectHost();
    room.connectKiosks();
    List<Runnable> pings = new ArrayList<>();
    pings.add(() -> room.host.send(new JsonObject().put("type", "ping")));
    room.kiosks.forEach(k -> pings.add(() -> k.send(new JsonObject().put("type", "ping"))));
    room.keepAlive(pings);
    room.connectDisplays(displayCount);
    room.keepAlive(room.displays.stream().<Runnable>map(d -> d::ping).toList());
    return room;
  }

  /** Sends a host command to this room and waits for its reply. */
  JsonObject hostCommand(String action, JsonObject params) {
    return Await.result(host.request(RoomAddresses.COMMANDS,
        params.copy().put("action", action).put("roomId", roomId)));
  }

  private void seed() {
    MongoClient mongo = app.db().mongo();
    Meeting meeting = new Meeting(meetingId, roomId, "压测议事会", 1,
        new ArrayList<>(List.of(new Matter(new ObjectId().toHexString(), "压测议题", 180, 2))));
    Await.result(mongo.insert(RoomStore.ROOMS, new JsonObject().put("_id", roomId).put("name", "压测议事室")
        .put("meetingId", meetingId)));
    Await.result(mongo.insert(RoomStore.MEETINGS, meeting.toDocument()));
    for (int i = 0; i < voters; i++) {
      attendeeIds.add(new ObjectId().toHexString());
    }
    inBatches(voters, 100, i -> mongo.insert(RoomStore.ATTENDEES, new Attendee(attendeeIds.get(i), meetingId,
        "代表" + (i + 1), AttendeeKind.RESIDENT_REP, false, null, null).toDocument()));
    Await.result(app.db().durable());
  }

  private void connectHost() throws Exception {
    Await.result(app.accounts().save("benchhost", "Bench", Identity.Role.HOST, "pw"));
    String token = Http.login("http://127.0.0.1:" + app.port(), "benchhost", "pw");
    host = Await.result(BridgeClient.connect(clientVertx, app.port(), token));
  }

  private void connectKiosks() {
    List<String> tokens = inBatches(voters, BATCH, i -> app.devices()
        .enrol(Identity.Role.KIOSK, roomId, "终端" + (i + 1), false).map(d -> d.getString("token")));
    kiosks.addAll(inBatches(voters, BATCH, i -> BridgeClient.connect(clientVertx, app.port(), tokens.get(i))));
    inBatches(voters, BATCH, i -> kiosks.get(i).request(RoomAddresses.COMMANDS,
        new JsonObject().put("action", "checkIn").put("attendeeId", attendeeIds.get(i))));
  }

  private void connectDisplays(int count) {
    List<String> tokens = inBatches(count, BATCH, i -> app.devices()
        .enrol(Identity.Role.DISPLAY, roomId, "大屏" + (i + 1), false).map(d -> d.getString("token")));
    for (int i = 0; i < count; i++) {
      watches.add(new DisplayWatch(voters));
    }
    displays.addAll(inBatches(count, BATCH, i -> DisplaySocket.connect(clientVertx, app.port(), tokens.get(i),
        RoomAddresses.state(roomId), watches.get(i)::onMessage)));
  }

  /**
   * Pings every socket every {@value #PING_MS} ms, as the pages do, spread over the interval: the
   * bridge closes sockets that stay silent for its ping timeout (30 s), which is shorter than a run.
   */
  private void keepAlive(List<Runnable> pings) {
    for (int i = 0; i < pings.size(); i++) {
      Runnable ping = pings.get(i);
      clientVertx.setTimer(1 + (long) i * PING_MS / pings.size(), t -> {
        ping.run();
        clientVertx.setPeriodic(PING_MS, p -> ping.run());
      });
    }
  }

  /** Display sockets the bridge closed, and error frames the displays got (e.g. a refused registration). */
  String displayTrouble() {
    long closed = displays.stream().filter(DisplaySocket::isClosed).count();
    long errors = displays.stream().mapToLong(d -> d.errors.size()).sum();
    return closed == 0 && errors == 0 ? "" : closed + " display sockets closed, " + errors + " error frames";
  }

  /** Runs count operations, at most batch of them at a time, and answers their results in order. */
  static <T> List<T> inBatches(int count, int batch, IntFunction<Future<T>> operation) {
    List<T> results = new ArrayList<>(count);
    for (int from = 0; from < count; from += batch) {
      List<Future<T>> running = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + batch); i++) {
        running.add(operation.apply(i));
      }
      Await.result(Future.all(running));
      running.forEach(f -> results.add(f.result()));
    }
    return results;
  }
}
