package org.shangliang.minutes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.shangliang.minutes.MinutesText.names;
import static org.shangliang.minutes.MinutesText.number;
import static org.shangliang.minutes.MinutesText.object;
import static org.shangliang.minutes.MinutesText.objects;
import static org.shangliang.minutes.MinutesText.orNone;
import static org.shangliang.minutes.MinutesText.str;

/**
 * A meeting's minutes (会议记录) as a Word document on A4, from the stored minutes document: the
 * facts of the meeting, attendance, each matter on a page of its own (speeches, 限次 refusals, the
 * host's summary, every vote with its roll call when named, the resolution), notes, corrections
 * and lines for the hosts and the recorder to sign. The print view (kiosk-ui/console/minutes.html)
 * shows the same sections in the same order.
 */
public final class MinutesDocx {
  static final String DRAFT_MARK = "草稿 · 未经审定";
  private static final Map<String, String> TOPIC_KINDS = Map.of("CONSULTATION", "协商类", "CONSULT", "协商类",
      "DECISION", "决策类", "INQUIRY", "咨询类", "HEARING", "听证类");
  private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

  private final JsonObject minutes;
  private final MinutesText text;
  private final WordPage page = new WordPage();
  /** False for a read-only account: no attendee's name reaches it (MinutesPrivacy). */
  private final boolean personal;

  private MinutesDocx(JsonObject minutes) {
    this.minutes = minutes;
    this.text = new MinutesText(minutes.getString("timeZone"));
    this.personal = MinutesText.flag(minutes, "personal", true);
  }

  /** The .docx file of the minutes document (the shape stored in the {@code minutes} collection). */
  public static byte[] write(JsonObject minutes) {
    return new MinutesDocx(minutes).document();
  }

  private byte[] document() {
    boolean draft = !"APPROVED".equals(minutes.getString("status"));
    if (draft) {
      page.pageHeader(DRAFT_MARK);
    }
    title(draft);
    facts();
    attendance();
    List<JsonObject> matters = objects(minutes.getJsonArray("matters")).toList();
    for (int i = 0; i < matters.size(); i++) {
      matter(i, matters.get(i));
    }
    closing();
    return page.bytes();
  }

  private void title(boolean draft) {
    if (draft) {
      XWPFParagraph mark = page.paragraph();
      mark.setAlignment(ParagraphAlignment.CENTER);
      XWPFRun run = page.add(mark, "草稿（未经审定，不作为正式记录）", 16, true);
      run.setColor(WordPage.RED);
    }
    page.heading("会议记录", 22).setAlignment(ParagraphAlignment.CENTER);
    page.heading(str(minutes, "title"), 16).setAlignment(ParagraphAlignment.CENTER);
  }

  private void facts() {
    page.fact("社区", str(minutes, "community"));
    page.fact("议事室", str(minutes, "room"));
    page.fact("时间", text.heldAt(minutes));
    page.fact("主持人", names(new JsonArray(objects(minutes.getJsonArray("hosts")).map(h -> str(h, "name")).toList())));
    page.fact("记录人", str(minutes, "recorder"));
    JsonObject approvedBy = minutes.getJsonObject("approvedBy");
    if ("APPROVED".equals(minutes.getString("status")) && approvedBy != null) {
      page.fact("审定", str(approvedBy, "name") + "　" + text.dateTime(MinutesText.ms(minutes, "approvedAt")));
    }
  }

  private void attendance() {
    JsonObject a = object(minutes, "attendance");
    page.heading("出席情况", 14);
    page.text("应到 " + number(a, "invited") + " 人，实到 " + number(a, "present") + " 人，缺席 " + number(a, "absent")
        + " 人，列席 " + number(a, "walkIns") + " 人。", 11);
    List<List<String>> rows = objects(a.getJsonArray("byKind"))
        .map(k -> List.of(str(k, "label"), number(k, "invited"), number(k, "present"), number(k, "absent"),
            number(k, "walkIns"))).toList();
    if (!rows.isEmpty()) {
      page.table(List.of("类别", "应到", "实到", "缺席", "列席"), rows);
    }
    if (personal) {
      page.fact("实到人员", names(a.getJsonArray("present_names")));
      page.fact("缺席人员", names(a.getJsonArray("absent_names")));
      page.fact("列席人员", names(a.getJsonArray("walkIn_names")));
    } else {
      page.text("（只读账号：不含参会人姓名）", 10);
    }
  }

  private void matter(int index, JsonObject matter) {
    XWPFParagraph head = page.heading("议题" + numeral(index + 1) + "：" + str(matter, "title"), 15);
    if (index > 0) {
      page.newPageBefore(head);
    }
    String kind = TOPIC_KINDS.get(str(matter, "topicKind"));
    page.text((kind == null ? "" : kind + "；") + "每次发言限时 " + MinutesText.duration(MinutesText.count(matter, "speechSeconds"))
        + "，每人限 " + number(matter, "speechesPerPerson") + " 次", 10);
    speeches(matter);
    page.heading("主持人总结", 12);
    page.text(orNone(matter.getString("summary")), 11);
    List<JsonObject> votes = objects(matter.getJsonArray("votes")).toList();
    for (int i = 0; i < votes.size(); i++) {
      vote(i, votes.size(), votes.get(i));
    }
    resolution(matter.getJsonObject("resolution"));
  }

  private void speeches(JsonObject matter) {
    page.heading("发言", 12);
    List<JsonObject> speeches = objects(matter.getJsonArray("speeches")).toList();
    if (speeches.isEmpty()) {
      page.text("无人发言。", 11);
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (JsonObject s : speeches) {
        long overrun = MinutesText.count(s, "overrunSeconds");
        rows.add(List.of(String.valueOf(rows.size() + 1), str(s, "name"), text.clock(MinutesText.ms(s, "startedAt")),
            MinutesText.duration(MinutesText.count(s, "seconds")), overrun > 0 ? MinutesText.duration(overrun) : "—"));
      }
      page.table(List.of("序号", "发言人", "开始时间", "时长", "超时"), rows);
    }
    List<String> refusals = objects(matter.getJsonArray("refusals"))
        .map(r -> (str(r, "name").isBlank() ? "一位参会人" : r.getString("name")) + "（" + text.clock(MinutesText.ms(r, "at")) + "）")
        .toList();
    if (!refusals.isEmpty()) {
      page.fact("限次", "发言次数已用完、未再给予发言：" + String.join("、", refusals));
    }
  }

  private void vote(int index, int count, JsonObject vote) {
    page.heading(count > 1 ? "表决" + numeral(index + 1) : "表决", 12);
    boolean secret = MinutesText.flag(vote, "secret", true);
    JsonObject tally = object(vote, "tally");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("表决事项", str(vote, "motion")));
    rows.add(List.of("表决方式", secret ? "无记名表决" : "记名表决"));
    rows.add(List.of("计票基数", str(vote, "baseLabel")));
    rows.add(List.of("法定人数", quorum(vote)));
    rows.add(List.of("票数", "赞成 " + number(tally, "for") + " 票，反对 " + number(tally, "against") + " 票，弃权 "
        + number(tally, "abstain") + " 票（投票 " + number(tally, "cast") + " 人，有表决权 " + number(tally, "entitled") + " 人）"));
    rows.add(List.of("结果及理由", (MinutesText.flag(vote, "passed", false) ? "通过" : "未通过") + "。" + str(vote, "why")));
    page.pairs(rows);
    JsonArray rollCall = vote.getJsonArray("rollCall");
    if (!secret && rollCall != null) {
      page.heading("记名表决名单", 11);
      List<List<String>> named = new ArrayList<>();
      objects(rollCall).forEach(r -> named.add(List.of(String.valueOf(named.size() + 1), str(r, "name"),
          MinutesText.choice(r.getString("choice")))));
      page.table(List.of("序号", "姓名", "表决意见"), named);
    } else if (!secret && !personal) {
      page.text("（只读账号：不含记名表决名单）", 10);
    }
  }

  private static String quorum(JsonObject vote) {
    JsonObject quorum = vote.getJsonObject("quorum");
    String line = quorum == null || quorum.getValue("required") == null ? "不设法定人数"
        : "须到会 " + number(quorum, "required") + " 人，实到 " + number(quorum, "present") + " 人";
    String below = vote.getString("heldBelowQuorum");
    return below == null || below.isBlank() ? line : line + "；未达法定人数仍进行表决，理由：" + below;
  }

  private void resolution(JsonObject resolution) {
    JsonObject r = resolution == null ? new JsonObject() : resolution;
    page.heading("决议", 12);
    Long due = MinutesText.ms(r, "dueAt");
    page.pairs(List.of(List.of("决议", orNone(r.getString("text"))), List.of("责任主体", orNone(r.getString("responsible"))),
        List.of("完成时限", due == null ? "未定" : text.date(due))));
  }

  private void closing() {
    page.heading("备注", 13);
    page.text(orNone(minutes.getString("notes")), 11);
    page.heading("补充更正", 13);
    List<JsonObject> addenda = objects(minutes.getJsonArray("addenda")).toList();
    if (addenda.isEmpty()) {
      page.text("无", 11);
    }
    for (JsonObject a : addenda) {
      JsonObject by = object(a, "by");
      page.fact(text.dateTime(MinutesText.ms(a, "at")) + "　" + str(by, "name"), str(a, "text"));
    }
    signatures();
  }

  private void signatures() {
    page.heading("签字", 13);
    objects(minutes.getJsonArray("hosts")).forEach(h -> signatureLine("主持人", str(h, "name")));
    signatureLine("记录人", str(minutes, "recorder"));
  }

  private void signatureLine(String role, String name) {
    XWPFParagraph p = page.paragraph();
    p.setSpacingBefore(360);
    page.add(p, role + "：" + name + "　　签字：________________　　日期：____年____月____日", 11, false);
  }

  private static String numeral(int n) {
    return n <= NUMERALS.length ? NUMERALS[n - 1] : String.valueOf(n);
  }
}
