package org.shangliang.notice;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.notice.MeetingNoticeText.HeldVote;
import org.shangliang.notice.MeetingNoticeText.Setting;
import org.shangliang.room.Matter;
import org.shangliang.room.MatterSetup;
import org.shangliang.room.Meeting;
import org.shangliang.room.MeetingPlan;
import org.shangliang.room.Quorum;
import org.shangliang.room.VoteRules;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeetingNoticeTextTest {
  static final long T0 = 1_800_000_000_000L; // 2027-01-15 08:00 UTC
  static final Setting SETTING = new Setting("有事好商量协商议事室", List.of("王主任（社区）", "李网格员"), ZoneId.of("Asia/Shanghai"));

  static Meeting meeting(int matters, String titleStem) {
    List<Matter> agenda = new ArrayList<>();
    for (int i = 0; i < matters; i++) {
      String title = (i + "、" + titleStem).substring(0, Math.min(60, (i + "、" + titleStem).length()));
      agenda.add(new Matter(String.format("%024d", i), title, 180, 2, VoteRules.DEFAULT,
          new MatterSetup(true, i == 0 ? List.of("LEGAL", "NOT_A_KIND") : List.of(), null)));
    }
    MeetingPlan plan = new MeetingPlan(T0, List.of("cadre", "grid"), List.of("MEETING", "ONLINE"),
        List.of("CONVENER", "PROPERTY"), List.of("00000000000000000000a101", "00000000000000000000a102"), List.of("g"));
    return new Meeting("00000000000000000000b001", "00000000000000000000a001", "议事会", plan, Quorum.NONE, agenda);
  }

  @Test
  @DisplayName("the plan names time in the community's zone, kinds in Chinese, the count of members invited by name, and each matter's extra kinds")
  void planWords() {
    String body = MeetingNoticeText.planBody(meeting(2, "议题"), SETTING);
    assertTrue(body.contains("\n时间：2027年1月15日（星期五）16:00\n"), body);
    assertTrue(body.contains("\n协商形式：会议协商、网络协商\n"), body);
    assertTrue(body.contains("\n邀请参会：召集人、物业公司代表；特邀议事成员 2 人\n"), body);
    assertTrue(body.contains("\n- 0、议题（另邀请：法律工作者）\n- 1、议题\n"), body);
    assertFalse(body.contains("NOT_A_KIND") || body.contains("a101"), body);
    assertTrue(body.endsWith(MeetingNoticeText.PERIOD_LINE));
  }

  @Test
  @DisplayName("a long agenda of long titles still fits a notice's 2,000 characters, says how many matters it left out, and keeps the 7-day line")
  void longAgendaFits() {
    Meeting meeting = meeting(30, "关于小区东门外非机动车停放、快递柜占道、夜间噪音、广场舞音量、楼道堆物和电动车充电等多项问题的综合整治方案（征求意见稿，第二次修改）");
    String plan = MeetingNoticeText.planBody(meeting, SETTING);
    assertTrue(plan.length() <= MeetingNoticeText.MAX_BODY, "plan is " + plan.length());
    assertTrue(plan.matches("(?s).*\\n- ……另有 \\d+ 项，详见会议记录\\n\\n.*"), plan);
    assertTrue(plan.endsWith(MeetingNoticeText.PERIOD_LINE));

    Map<String, Integer> speeches = new HashMap<>();
    Map<String, List<HeldVote>> votes = new HashMap<>();
    JsonObject outcome = new JsonObject().put("FOR", 6).put("AGAINST", 1).put("ABSTAIN", 0).put("cast", 7).put("passed", true);
    meeting.agenda().forEach(m -> {
      speeches.put(m.id(), 9);
      votes.put(m.id(), List.of(new HeldVote("同意" + m.title(), outcome), new HeldVote("再议" + m.title(), outcome)));
    });
    String process = MeetingNoticeText.processBody(meeting, SETTING, speeches, votes);
    assertTrue(process.length() <= MeetingNoticeText.MAX_BODY, "process is " + process.length());
    assertTrue(process.contains("本次会议讨论议题 30 项，发言共 270 人次，表决 60 次。"), process);
    assertTrue(process.contains("项，详见会议记录"), process);
    assertTrue(process.endsWith(MeetingNoticeText.PERIOD_LINE));
  }

  @Test
  @DisplayName("a vote held below the quorum says so; a failed vote is 未通过 with its counts")
  void verdicts() {
    assertEquals("**未通过**（赞成 1 票，反对 2 票，弃权 3 票，共 6 人投票；到会未达法定人数，主持人说明理由后照常表决）",
        MeetingNoticeText.verdict(new JsonObject().put("FOR", 1).put("AGAINST", 2).put("ABSTAIN", 3).put("cast", 6)
            .put("passed", false).put("belowQuorum", true)));
  }

  @Test
  @DisplayName("a meeting with nothing discussed says so and lists every matter as not discussed")
  void nothingDiscussed() {
    String body = MeetingNoticeText.processBody(meeting(2, "议题"), SETTING, Map.of(), Map.of());
    assertTrue(body.contains("本次会议讨论议题 0 项，发言共 0 人次，表决 0 次。"), body);
    assertTrue(body.contains("本次未讨论的议题：0、议题、1、议题"), body);
  }
}
