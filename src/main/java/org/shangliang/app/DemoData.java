package org.shangliang.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.auth.Accounts;
import org.shangliang.common.Identity;
import org.shangliang.member.MemberStore;
import org.shangliang.room.Attendee;
import org.shangliang.room.AttendeeKind;
import org.shangliang.room.MajorityBase;
import org.shangliang.room.Matter;
import org.shangliang.room.Meeting;
import org.shangliang.room.MeetingPlan;
import org.shangliang.room.Quorum;
import org.shangliang.room.RoomStore;
import org.shangliang.room.VoteRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --demo} data: a room, a meeting with an agenda and participants of every kind, two host
 * accounts, three kiosks and a room display. Seeding twice keeps what is there (the meeting goes on
 * where it was) and only issues fresh device tokens, whose URLs it returns.
 */
public final class DemoData {
  public static final String ROOM_ID = "00000000000000000000a001";
  public static final String MEETING_ID = "00000000000000000000b001";
  public static final String PASSWORD = "shangliang-demo";
  /**
   * {@link #PASSWORD} hashed as every password is (PasswordHasher), once and for all: it is
   * published anyway, and hashing it at the first start cost the demo a quarter of its start.
   */
  static final String PASSWORD_HASH = "pbkdf2-sha256$210000$bN0hCv4QBiBYnvcTDScZhg==$4IaYo9nRbywC9e31wZprINftxRykBjsz/oRfCTtMsF4=";
  static final String[][] ATTENDEES = {
      {"张书记", "CONVENER"}, {"李网格员", "GRID_WORKER"}, {"物业赵经理", "PROPERTY"}, {"业委会陈主任", "OWNERS_COMMITTEE"},
      {"政协委员周老师", "CPPCC"}, {"刘警长", "GRID_POLICE"}, {"吴律师", "LEGAL"}, {"王阿姨", "RESIDENT_REP"},
      {"孙大爷", "RESIDENT_REP"}, {"社工郑老师", "SOCIAL_ORG"}};

  public static final int ATTENDEE_COUNT = ATTENDEES.length;
  public static final String[] GRID_IDS = {"000000000000000000001001", "000000000000000000001002", "000000000000000000001003"};
  static final String[] GRID_NAMES = {"第一网格", "第二网格", "第三网格"};
  /** Two notice-board displays: one in the first grid, one in the second. */
  public static final String BOARD_1 = "000000000000000000002001";
  public static final String BOARD_2 = "000000000000000000002002";

  private DemoData() {
  }

  /** Seeds what is missing; answers the device URLs to print, by label. */
  public static Future<Map<String, String>> seed(Shangliang app) {
    MongoClient mongo = app.db().mongo();
    app.accounts().allowDemoAccounts();
    // Independent parts side by side: the node says it is ready only once they are all there.
    Future<Void> room = mongo.findOne(RoomStore.ROOMS, new JsonObject().put("_id", ROOM_ID), null)
        .compose(found -> found != null ? Future.succeededFuture() : createRoom(mongo));
    Future<Void> accounts = app.accounts().seedDemo(List.of(
        new Accounts.DemoAccount("admin", "系统管理员", Identity.Role.ADMIN, List.of()),
        new Accounts.DemoAccount("cadre", "王主任（社区）", Identity.Role.CADRE, List.of()),
        new Accounts.DemoAccount("grid", "李网格员", Identity.Role.GRID_WORKER, List.of(GRID_IDS[0])),
        new Accounts.DemoAccount("staff", "社区工作人员", Identity.Role.STAFF, List.of())), PASSWORD_HASH);
    Future<Void> notices = DemoNotices.seed(mongo, GRID_IDS, GRID_NAMES);
    Future<Map<String, String>> devices = enrolDevices(app);
    return Future.all(room, accounts, notices, devices).compose(all -> app.db().durable().map(devices.result()));
  }

  private static Future<Void> createRoom(MongoClient mongo) {
    List<Matter> agenda = List.of(
        new Matter("00000000000000000000c001", "老旧小区加装电梯费用分摊方案", 180, 2),
        new Matter("00000000000000000000c002", "3号楼楼道堆物清理", 120, 2,
            new VoteRules(true, false, false, MajorityBase.FOR_AGAINST, null)),
        new Matter("00000000000000000000c003", "小区夜间停车管理", 180, 2));
    // 双主持: the cadre and the grid worker run it together
    List<String> kinds = List.of(ATTENDEES).stream().map(a -> a[1]).distinct().toList();
    MeetingPlan plan = new MeetingPlan(System.currentTimeMillis(), List.of("cadre", "grid"),
        List.of(MeetingPlan.Form.MEETING.name()), kinds, List.of(), List.of(GRID_IDS[0], GRID_IDS[1]));
    Meeting meeting = new Meeting(MEETING_ID, ROOM_ID, "仓后街社区红色邻里议事会", plan, Quorum.ofCount(5), agenda);
    JsonObject room = new JsonObject().put("_id", ROOM_ID).put("name", "有事好商量协商议事室").put("meetingId", MEETING_ID);
    List<Future<?>> writes = new ArrayList<>();
    writes.add(mongo.insert(RoomStore.ROOMS, room));
    writes.add(mongo.insert(RoomStore.MEETINGS, meeting.toDocument()));
    long now = System.currentTimeMillis();
    for (int i = 0; i < ATTENDEES.length; i++) {
      // each invited attendee is a member of the register (议事主体), as a planned meeting's would be
      String id = String.format("00000000000000000000d%03d", i + 1);
      String memberId = String.format("00000000000000000000a%03d", i + 101);
      Attendee attendee = new Attendee(id, MEETING_ID, ATTENDEES[i][0], AttendeeKind.valueOf(ATTENDEES[i][1]),
          false, null, null);
      writes.add(mongo.insert(RoomStore.ATTENDEES, attendee.toDocument().put("memberId", memberId)));
      writes.add(mongo.insert(MemberStore.COLLECTION, new JsonObject().put("_id", memberId).put("name", ATTENDEES[i][0])
          .put("kinds", new JsonArray().add(ATTENDEES[i][1])).put("partyMember", i < 2).put("capable", i == 7)
          .put("gridId", GRID_IDS[i % 2]).put("active", true).put("createdAt", now).put("updatedAt", now)));
    }
    return Future.all(writes).mapEmpty();
  }

  private static Future<Map<String, String>> enrolDevices(Shangliang app) {
    String base = app.publicUrl();
    Future<JsonObject> kiosk1 = app.devices().enrol("00000000000000000000e001", Identity.Role.KIOSK, ROOM_ID, "1号终端", false);
    Future<JsonObject> kiosk2 = app.devices().enrol("00000000000000000000e002", Identity.Role.KIOSK, ROOM_ID, "2号终端", false);
    Future<JsonObject> kiosk3 = app.devices().enrol("00000000000000000000e003", Identity.Role.KIOSK, ROOM_ID, "3号终端（共用）",
        true);
    Future<JsonObject> roomDisplay = app.devices().enrol("00000000000000000000f001", Identity.Role.DISPLAY, ROOM_ID,
        "议事室大屏", false);
    Future<JsonObject> board1 = app.devices().enrolSignage(BOARD_1, "1号公示栏", GRID_IDS[0]);
    Future<JsonObject> board2 = app.devices().enrolSignage(BOARD_2, "2号公示栏", GRID_IDS[1]);
    return Future.all(List.of(kiosk1, kiosk2, kiosk3, roomDisplay, board1, board2)).map(all -> {
      Map<String, String> urls = new LinkedHashMap<>();
      urls.put("Kiosk 1 (personal) 1号终端", base + "/kiosk/?token=" + kiosk1.result().getString("token"));
      urls.put("Kiosk 2 (personal) 2号终端", base + "/kiosk/?token=" + kiosk2.result().getString("token"));
      urls.put("Kiosk 3 (shared) 3号终端", base + "/kiosk/?token=" + kiosk3.result().getString("token"));
      urls.put("Room display 议事室大屏", base + "/display/?room=" + ROOM_ID + "&token=" + roomDisplay.result().getString("token"));
      urls.put("Notice board 1 (第一网格) 1号公示栏", base + "/display/?token=" + board1.result().getString("token"));
      urls.put("Notice board 2 (第二网格) 2号公示栏", base + "/display/?token=" + board2.result().getString("token"));
      urls.put("Host console 主持台 (cadre or grid / " + PASSWORD + ")", base + "/host/?room=" + ROOM_ID);
      urls.put("Staff console 管理台 (admin or staff / " + PASSWORD + ")", base + "/console/");
      urls.put("New display, pairing screen 新显示屏配对", base + "/display/?pair");
      return urls;
    });
  }
}
