package org.shangliang.plan;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.shangliang.common.SpreadsheetText;
import org.shangliang.community.CommunitySettings;
import org.shangliang.community.Grids;
import org.shangliang.member.MemberKinds;
import org.shangliang.member.MemberStore;
import org.shangliang.room.AttendeeKind;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A meeting's invited list as a spreadsheet (姓名, 身份类别, 网格, 签到时间): UTF-8 with a byte-order
 * mark so Excel reads the Chinese, by kind in the order of 八方议事 and then by name. Walk-ins are
 * not invited and are left out; a check-in time is in the community's time zone.
 */
public final class InvitationSheet {
  public static final List<String> HEADER = List.of("姓名", "身份类别", "网格", "签到时间");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final MongoClient mongo;
  private final RoomStore rooms;
  private final MemberStore members;
  private final CommunitySettings community;

  public InvitationSheet(Vertx vertx, Database db) {
    this.mongo = db.mongo();
    this.rooms = new RoomStore(vertx, db);
    this.members = new MemberStore(mongo);
    this.community = new CommunitySettings(mongo);
  }

  /** The file's text; NOT_FOUND for an unknown meeting. */
  public Future<String> csv(String meetingId) {
    return rooms.meeting(meetingId).compose(meeting -> mongo.find(RoomStore.ATTENDEES,
        new JsonObject().put("meetingId", meeting.id()).put("walkIn", new JsonObject().put("$ne", true))))
        .compose(invited -> Future.all(gridsOf(invited), community.zone()).map(all -> write(invited, all.resultAt(0), all.resultAt(1))));
  }

  /** Each invited member's grid name, by member id. */
  private Future<Map<String, String>> gridsOf(List<JsonObject> invited) {
    JsonArray ids = new JsonArray(invited.stream().map(a -> a.getString("memberId")).filter(id -> id != null).toList());
    return Future.all(mongo.find(Grids.COLLECTION, new JsonObject()),
        members.find(new JsonObject().put("_id", new JsonObject().put("$in", ids)), ids.size() + 1)).map(all -> {
          Map<String, String> gridNames = new HashMap<>();
          all.<List<JsonObject>>resultAt(0).forEach(g -> gridNames.put(g.getString("_id"), g.getString("name")));
          Map<String, String> byMember = new HashMap<>();
          all.<List<JsonObject>>resultAt(1).forEach(m -> byMember.put(m.getString("_id"),
              gridNames.getOrDefault(m.getString("gridId", ""), "")));
          return byMember;
        });
  }

  static String write(List<JsonObject> invited, Map<String, String> grids, ZoneId zone) {
    StringBuilder out = new StringBuilder(SpreadsheetText.BOM);
    List<JsonObject> sorted = invited.stream().sorted(Comparator.<JsonObject>comparingInt(a -> kind(a).ordinal())
        .thenComparing(a -> a.getString("name", ""))).toList();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(HEADER.toArray(String[]::new)).get())) {
      for (JsonObject a : sorted) {
        Long at = a.getLong("checkedInAt");
        String kindLabel = MemberKinds.label(kind(a));
        csv.printRecord(SpreadsheetText.inert(a.getString("name", "")), kindLabel == null ? "居民" : kindLabel,
            SpreadsheetText.inert(grids.getOrDefault(a.getString("memberId", ""), "")),
            at == null ? "" : TIME.format(Instant.ofEpochMilli(at).atZone(zone)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static AttendeeKind kind(JsonObject attendee) {
    return AttendeeKind.valueOf(attendee.getString("kind", AttendeeKind.RESIDENT.name()));
  }

}
