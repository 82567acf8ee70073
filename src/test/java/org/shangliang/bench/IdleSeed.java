package org.shangliang.bench;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.app.Shangliang;
import org.shangliang.auth.Devices;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.Identity;
import org.shangliang.community.Grids;
import org.shangliang.notice.SignageAddresses;
import org.shangliang.room.Attendee;
import org.shangliang.room.AttendeeKind;
import org.shangliang.room.Matter;
import org.shangliang.room.Meeting;
import org.shangliang.room.Quorum;
import org.shangliang.room.RoomAddresses;
import org.shangliang.room.RoomStore;
import org.shangliang.support.Await;

import java.util.ArrayList;
import java.util.List;

/**
 * The idle screens' devices, straight into the store of the {@link BenchServer}: notice boards in
 * {@value BenchServer#GRIDS} grids, and rooms (each with a meeting) whose room displays and joined
 * phones are spread evenly over them. A joined phone is what a host's confirmation leaves behind:
 * a kiosk device of the room on which one of the meeting's attendees is checked in. Each board
 * has {@value #NOTICES_PER_BOARD} published notices to show, as a board in an ordinary week does.
 *
 * <p>Answers the pages as {@code [{k: board|display|phone, id: the board's device id or the room's
 * id, t: token}]}, and keeps every address a page may listen to, for the reach check.
 */
final class IdleSeed {
  /** Published for each grid, besides one for every grid: what a board in an ordinary week rotates through. */
  static final int NOTICES_PER_GRID = 5;
  /** The notices each board shows. */
  static final int NOTICES_PER_BOARD = NOTICES_PER_GRID + 1;
  private static final Identity STAFF = Identity.account(new ObjectId().toHexString(), Identity.Role.STAFF, "压测工作人员");

  /** A spec "boards:displays:phones:rooms", as BenchServer's fourth argument. */
  record Spec(int boards, int displays, int phones, int rooms) {
    static Spec parse(String text) {
      String[] parts = text.split(":");
      return new Spec(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
          Math.max(1, Integer.parseInt(parts[3])));
    }

    /** This many pages split as the idle-screens default: 60 % boards, 10 % room displays, 30 % phones. */
    static Spec split(int pages, int rooms) {
      int boards = pages * 6 / 10;
      int displays = pages / 10;
      return new Spec(boards, displays, pages - boards - displays, Math.max(1, rooms));
    }

    @Override
    public String toString() {
      return boards + ":" + displays + ":" + phones + ":" + rooms;
    }

    int pages() {
      return boards + displays + phones;
    }
  }

  private final Shangliang app;
  private final MongoClient mongo;
  final List<String> addresses = new ArrayList<>();

  IdleSeed(Shangliang app) {
    this.app = app;
    this.mongo = app.db().mongo();
  }

  JsonArray seed(Spec spec) {
    JsonArray pages = new JsonArray();
    seedBoards(spec.boards(), pages);
    List<Meeting> meetings = seedRooms(spec.rooms());
    seedDisplays(spec.displays(), meetings, pages);
    seedPhones(spec.phones(), meetings, pages);
    Await.result(app.db().durable());
    return pages;
  }

  private void seedBoards(int boards, JsonArray pages) {
    if (boards == 0) {
      return;
    }
    List<String> grids = new ArrayList<>();
    for (int g = 0; g < BenchServer.GRIDS; g++) {
      grids.add(new ObjectId().toHexString());
      Await.result(mongo.insert(Grids.COLLECTION, new JsonObject().put("_id", grids.get(g)).put("name", "空闲网格" + (g + 1))));
    }
    publish(new JsonObject().put("everywhere", true), "全社区");
    for (int g = 0; g < grids.size(); g++) {
      for (int n = 0; n < NOTICES_PER_GRID; n++) {
        publish(new JsonObject().put("everywhere", false).put("grids", new JsonArray().add(grids.get(g))),
            "空闲网格" + (g + 1) + " 第" + (n + 1) + "则");
      }
    }
    List<JsonObject> enrolled = BenchRoom.inBatches(boards, BenchRoom.BATCH,
        i -> app.devices().enrolSignage("空闲公示栏" + (i + 1), grids.get(i % grids.size())));
    for (JsonObject board : enrolled) {
      addresses.add(SignageAddresses.display(board.getString("deviceId")));
      pages.add(page("board", board.getString("deviceId"), board.getString("token")));
    }
  }

  /**
   * A publicity notice, saved and published as staff do through the console's commands, for a
   * month, with a body as long as the community's usual notices.
   */
  private void publish(JsonObject targets, String label) {
    long now = System.currentTimeMillis();
    JsonObject draft = new JsonObject().put("action", "saveNotice").put("kind", "PUBLICITY")
        .put("title", "社区通知：" + label).put("body", label + "。" + "请居民朋友们相互转告，按时参加。".repeat(12))
        .put("targets", targets).put("startsAt", now - 3600_000).put("endsAt", now + 30 * 24 * 3600_000L)
        .put("priority", 1).put("urgent", false);
    String id = staffCommand(draft).getJsonObject("notice").getString("id");
    staffCommand(new JsonObject().put("action", "publishNotice").put("id", id));
  }

  private JsonObject staffCommand(JsonObject command) {
    DeliveryOptions asStaff = new DeliveryOptions().addHeader(Identity.HEADER, STAFF.toJson().encode());
    return Await.result(app.vertx().eventBus().<JsonObject>request(ConsoleAddresses.NOTICES, command, asStaff)).body();
  }

  /** Rooms with a meeting each (not opened: the room waits for its next session). */
  private List<Meeting> seedRooms(int rooms) {
    List<Meeting> meetings = new ArrayList<>();
    for (int r = 0; r < rooms; r++) {
      String roomId = new ObjectId().toHexString();
      Meeting meeting = new Meeting(new ObjectId().toHexString(), roomId, "空闲议事会 " + (r + 1), Quorum.ofCount(1),
          new ArrayList<>(List.of(new Matter(new ObjectId().toHexString(), "议题 " + (r + 1), 180, 2))));
      Await.result(mongo.insert(RoomStore.ROOMS, new JsonObject().put("_id", roomId).put("name", "议事室 " + (r + 1))
          .put("meetingId", meeting.id())));
      Await.result(mongo.insert(RoomStore.MEETINGS, meeting.toDocument()));
      addresses.add(RoomAddresses.state(roomId));
      addresses.add(RoomAddresses.tally(roomId));
      meetings.add(meeting);
    }
    return meetings;
  }

  private void seedDisplays(int displays, List<Meeting> meetings, JsonArray pages) {
    List<JsonObject> enrolled = BenchRoom.inBatches(displays, BenchRoom.BATCH, i -> app.devices()
        .enrol(Identity.Role.DISPLAY, roomOf(i, meetings), "空闲大屏" + (i + 1), false));
    for (int i = 0; i < displays; i++) {
      pages.add(page("display", roomOf(i, meetings), enrolled.get(i).getString("token")));
    }
  }

  /** Each phone a kiosk of its room, with an attendee of the room's meeting checked in on it. */
  private void seedPhones(int phones, List<Meeting> meetings, JsonArray pages) {
    long now = System.currentTimeMillis();
    List<JsonObject> enrolled = BenchRoom.inBatches(phones, BenchRoom.BATCH, i -> {
      Meeting meeting = meetings.get(i % meetings.size());
      String attendeeId = new ObjectId().toHexString();
      return app.devices().enrol(Identity.Role.KIOSK, meeting.roomId(), "手机 · 居民" + (i + 1), false)
          .compose(phone -> mongo.insert(RoomStore.ATTENDEES, new Attendee(attendeeId, meeting.id(), "居民" + (i + 1),
                  AttendeeKind.RESIDENT_REP, false, now, phone.getString("deviceId")).toDocument())
              .compose(id -> mongo.updateCollection(Devices.COLLECTION, new JsonObject().put("_id", phone.getString("deviceId")),
                  new JsonObject().put("$set", new JsonObject().put("occupantId", attendeeId))))
              .map(phone));
    });
    for (int i = 0; i < phones; i++) {
      pages.add(page("phone", roomOf(i, meetings), enrolled.get(i).getString("token")));
    }
  }

  private static String roomOf(int i, List<Meeting> meetings) {
    return meetings.get(i % meetings.size()).roomId();
  }

  private static JsonObject page(String kind, String id, String token) {
    return new JsonObject().put("k", kind).put("id", id).put("t", token);
  }
}
