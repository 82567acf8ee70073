package org.shangliang.minutes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A stored minutes document as the drafting writes it, with content as real meetings have it: two
 * matters, a long discussion with overruns and 限次 refusals, a named vote with its roll call and a
 * secret vote, long summaries with line breaks, text that looks like markup, corrections.
 */
public final class MinutesFixture {
  public static final String MEETING = "00000000000000000000b001";
  public static final String ELEVATOR = "3号楼加装电梯费用分摊方案";
  public static final String CLUTTER = "楼道堆物集中清理及今后管理办法";
  public static final String SUMMARY = "经过充分讨论，多数居民同意按楼层系数分摊加装电梯费用，一楼、二楼住户不分摊，"
      + "对低层住户采光和噪音的担心，由施工方出具方案并在公示栏公示。\n请物业公司在两周内拿出施工单位比选结果。";
  public static final String NAMED_MOTION = "同意按楼层系数分摊3号楼2单元加装电梯费用（一楼、二楼住户不分摊）";
  public static final String SECRET_MOTION = "同意每季度第一个周六集中清理楼道堆物，逾期未清理的由物业统一处置";
  public static final String RESPONSIBLE = "幸福里物业服务有限公司（项目经理张师傅）";
  public static final String ADDENDUM = "更正：第一项议题表决时实到人数应为8人，记录时误写为7人，特此更正。";
  public static final String MARKUP = "<img src=x onerror=alert(1)><script>alert(2)</script>";
  /** The names of the named vote's roll call, none of whom is in the secret vote's. */
  public static final List<String> ROLL_CALL = List.of("王阿姨", "赵师傅", "钱大姐", "孙大爷", "周老师", "吴阿婆", "郑叔", "冯奶奶");
  public static final List<String> PRESENT = List.of("王阿姨", "赵师傅", "钱大姐", "孙大爷", "周老师", "吴阿婆", "郑叔", "冯奶奶");
  public static final List<String> ABSENT = List.of("陈先生", "褚女士");
  public static final String WALK_IN = "卫大爷";
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final long OPENED = ZonedDateTime.of(2025, 11, 28, 9, 30, 0, 0, ZONE).toInstant().toEpochMilli();
  static final long MINUTE = 60_000;

  private MinutesFixture() {
  }

  /** The minutes of the demo meeting, status DRAFT. */
  public static JsonObject minutes() {
    return new JsonObject().put("_id", MEETING).put("meetingId", MEETING).put("status", "DRAFT").put("version", 3)
        .put("draftedAt", OPENED + 130 * MINUTE).putNull("approvedAt").putNull("approvedBy")
        .put("community", "幸福里社区").put("room", "有事好商量协商议事室").put("title", "3号楼加装电梯及楼道堆物协商议事会")
        .put("startsAt", OPENED).put("openedAt", OPENED + 2 * MINUTE).put("closedAt", OPENED + 125 * MINUTE)
        .put("timeZone", "Asia/Shanghai")
        .put("hosts", new JsonArray().add(person("cadre", "李书记").put("role", "CADRE"))
            .add(person("grid", "王网格员").put("role", "GRID_WORKER")))
        .put("recorder", "刘社工")
        .put("attendance", attendance())
        .put("matters", new JsonArray().add(elevator()).add(clutter()))
        .put("notes", "会后请网格员将表决结果在第一、第二网格公示栏公示不少于7天。" + MARKUP)
        .put("addenda", new JsonArray().add(new JsonObject().put("at", OPENED + 26 * 60 * MINUTE)
            .put("by", person("cadre", "李书记")).put("text", ADDENDUM)));
  }

  static JsonObject person(String id, String name) {
    return new JsonObject().put("id", id).put("name", name);
  }

  private static JsonObject attendance() {
    JsonArray byKind = new JsonArray()
        .add(kind("RESIDENT_REP", "群众代表", 5, 4, 1, 1))
        .add(kind("PROPERTY", "物业公司代表", 1, 1, 0, 0))
        .add(kind("OWNERS_COMMITTEE", "业主委员会成员", 2, 2, 0, 0))
        .add(kind("LEGAL", "法律工作者", 2, 1, 1, 0));
    return new JsonObject().put("invited", 10).put("present", 8).put("absent", 2).put("walkIns", 1).put("byKind", byKind)
        .put("present_names", new JsonArray(PRESENT)).put("absent_names", new JsonArray(ABSENT))
        .put("walkIn_names", new JsonArray().add(WALK_IN));
  }

  private static JsonObject kind(String kind, String label, int invited, int present, int absent, int walkIns) {
    return new JsonObject().put("kind", kind).put("label", label).put("invited", invited).put("present", present)
        .put("absent", absent).put("walkIns", walkIns);
  }

  private static JsonObject elevator() {
    JsonArray speeches = new JsonArray();
    for (int i = 0; i < 14; i++) {
      String name = PRESENT.get(i % PRESENT.size());
      long seconds = i % 3 == 0 ? 215 : 95 + i * 4;
      speeches.add(new JsonObject().put("attendeeId", String.format("00000000000000000000d%03d", i % 8 + 1))
          .put("name", name).put("startedAt", OPENED + (5 + i * 4) * MINUTE).put("seconds", seconds)
          .put("allowedSeconds", 180).put("overrunSeconds", Math.max(0, seconds - 180))
          .put("endedBy", seconds > 180 ? "CLOCK" : "HOST"));
    }
    JsonArray rollCall = new JsonArray();
    for (int i = 0; i < ROLL_CALL.size(); i++) {
      rollCall.add(new JsonObject().put("name", ROLL_CALL.get(i)).put("choice", i < 6 ? "FOR" : i == 6 ? "AGAINST" : "ABSTAIN"));
    }
    JsonObject vote = new JsonObject().put("voteId", "v1").put("motion", NAMED_MOTION).put("secret", false)
        .put("base", "CAST").put("baseLabel", "按实际投票数")
        .put("quorum", new JsonObject().put("required", 6).put("present", 8)).putNull("heldBelowQuorum")
        .put("tally", new JsonObject().put("for", 6).put("against", 1).put("abstain", 1).put("cast", 8).put("entitled", 8))
        .put("passed", true).put("why", "赞成 6 票，超过实际投票数 8 票的半数").put("rollCall", rollCall);
    return new JsonObject().put("id", "00000000000000000000c001").put("title", ELEVATOR).put("topicKind", "CONSULTATION")
        .put("speechSeconds", 180).put("speechesPerPerson", 2).put("speeches", speeches)
        .put("refusals", new JsonArray().add(new JsonObject().put("attendeeId", "00000000000000000000d004")
            .put("name", "孙大爷").put("at", OPENED + 61 * MINUTE)))
        .put("summary", SUMMARY.repeat(3)).put("votes", new JsonArray().add(vote))
        .put("resolution", new JsonObject().put("text", "按楼层系数分摊加装电梯费用；施工前在公示栏公示施工方案。")
            .put("responsible", RESPONSIBLE).put("dueAt", OPENED + 30L * 24 * 60 * MINUTE));
  }

  private static JsonObject clutter() {
    JsonObject vote = new JsonObject().put("voteId", "v2").put("motion", SECRET_MOTION).put("secret", true)
        .put("base", "ENTITLED").put("baseLabel", "按应到有表决权人数")
        .put("quorum", new JsonObject().put("required", 6).put("present", 5)).put("heldBelowQuorum", "两位代表临时有事离场，主持人经到会代表同意继续表决")
        .put("tally", new JsonObject().put("for", 4).put("against", 1).put("abstain", 0).put("cast", 5).put("entitled", 8))
        .put("passed", false).put("why", "赞成 4 票，未超过应到有表决权人数 8 人的半数").putNull("rollCall");
    return new JsonObject().put("id", "00000000000000000000c002").put("title", CLUTTER + MARKUP).putNull("topicKind")
        .put("speechSeconds", 120).put("speechesPerPerson", 1)
        .put("speeches", new JsonArray().add(new JsonObject().put("attendeeId", "00000000000000000000d002").put("name", "赵师傅")
            .put("startedAt", OPENED + 100 * MINUTE).put("seconds", 60).put("allowedSeconds", 120).put("overrunSeconds", 0)
            .put("endedBy", "HOST")))
        .put("refusals", new JsonArray()).put("summary", "")
        .put("votes", new JsonArray().add(vote))
        .put("resolution", new JsonObject().put("text", "").put("responsible", "").putNull("dueAt"));
  }
}
