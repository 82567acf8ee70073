package org.shangliang.notice;

import io.vertx.core.json.JsonObject;
import org.shangliang.member.MemberKinds;
import org.shangliang.room.AttendeeKind;
import org.shangliang.room.Matter;
import org.shangliang.room.Meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The words of a meeting's plan notice (议事方案) and process notice (议事过程). They name the
 * hosts, who act in public, and the kinds of member invited, never an invited or attending person;
 * the process gives numbers only: speeches per matter and each vote's counts, named or secret alike.
 */
final class MeetingNoticeText {
  /** What saveNotice accepts, so staff can still edit a generated notice in the console. */
  static final int MAX_BODY = 2000;
  static final String PERIOD_LINE = "公示期不少于7天。如有意见，欢迎扫码评价、提建议。";
  private static final Map<String, String> FORMS = Map.of("MEETING", "会议协商", "WRITTEN", "书面协商", "ONLINE", "网络协商");

  /** Where and by whom, read beside the meeting: the room's name, the hosts' names, the community's time zone. */
  record Setting(String roomName, List<String> hostNames, ZoneId zone) {
  }

  /** One vote as announced: its motion and outcome (counts, passed, reason). */
  record HeldVote(String motion, JsonObject outcome) {
  }

  private MeetingNoticeText() {
  }

  static String planTitle(Meeting meeting) {
    return truncate("议事方案公示：" + meeting.title(), 60);
  }

  static String processTitle(Meeting meeting) {
    return truncate("议事过程公示：" + meeting.title(), 60);
  }

  static String planBody(Meeting meeting, Setting setting) {
    String head = heading(meeting, setting) + "\n\n议题：";
    List<String> items = new ArrayList<>();
    for (Matter matter : meeting.agenda()) {
      String kinds = kinds(matter.setup().invitedKinds());
      items.add("\n- " + matter.title() + (kinds.isEmpty() ? "" : "（另邀请：" + kinds + "）"));
    }
    if (items.isEmpty()) {
      items.add("\n- 议题待定");
    }
    return fit(head, items, "\n\n" + hosts(setting) + "\n邀请参会：" + invited(meeting) + "\n协商形式：" + forms(meeting)
        + "\n\n" + PERIOD_LINE);
  }

  /**
   * The matters that had speeches or votes, each with its number of speeches (发言人次) and its
   * votes in the order held; then the matters left undiscussed.
   */
  static String processBody(Meeting meeting, Setting setting, Map<String, Integer> speeches,
                            Map<String, List<HeldVote>> votes) {
    return processBody(meeting, setting, speeches, votes, null);
  }

  /**
   * The same, and once the hosts approved the meeting's minutes ({@code minutes}, else null): who
   * came, each matter's summary and resolution with its responsible party and due date, and who
   * approved the minutes. The minutes themselves are filed whole; the board shows what residents
   * need to follow the matter up.
   */
  static String processBody(Meeting meeting, Setting setting, Map<String, Integer> speeches,
                            Map<String, List<HeldVote>> votes, JsonObject minutes) {
    List<String> items = new ArrayList<>();
    List<String> untouched = new ArrayList<>();
    int spoken = 0;
    int held = 0;
    for (Matter matter : meeting.agenda()) {
      int count = speeches.getOrDefault(matter.id(), 0);
      List<HeldVote> matterVotes = votes.getOrDefault(matter.id(), List.of());
      String fromMinutes = MinutesLines.ofMatter(minutes, matter.id(), setting.zone());
      if (count == 0 && matterVotes.isEmpty() && fromMinutes.isEmpty()) {
        untouched.add(matter.title());
        continue;
      }
      spoken += count;
      held += matterVotes.size();
      items.add(matterLines(items.size() + 1, matter.title(), count, matterVotes) + fromMinutes);
    }
    String head = heading(meeting, setting) + MinutesLines.attendance(minutes) + "\n\n本次会议讨论议题 " + items.size()
        + " 项，发言共 " + spoken + " 人次，表决 " + held + " 次。";
    String tail = (untouched.isEmpty() ? "" : "\n\n本次未讨论的议题：" + String.join("、", untouched))
        + "\n\n" + hosts(setting) + MinutesLines.approval(minutes, setting.zone()) + "\n\n" + PERIOD_LINE;
    return fit(head, items, tail);
  }

  private static String matterLines(int n, String title, int speeches, List<HeldVote> votes) {
    StringBuilder lines = new StringBuilder("\n\n**议题" + n + "：" + title + "**\n- 发言 " + speeches + " 人次");
    if (votes.isEmpty()) {
      lines.append("\n- 未表决");
    }
    votes.forEach(vote -> lines.append("\n- 表决：").append(vote.motion()).append(" —— ").append(verdict(vote.outcome())));
    return lines.toString();
  }

  static String verdict(JsonObject outcome) {
    return (outcome.getBoolean("passed", false) ? "**通过**" : "**未通过**") + "（赞成 " + outcome.getInteger("FOR", 0)
        + " 票，反对 " + outcome.getInteger("AGAINST", 0) + " 票，弃权 " + outcome.getInteger("ABSTAIN", 0)
        + " 票，共 " + outcome.getInteger("cast", 0) + " 人投票"
        + (outcome.getBoolean("belowQuorum", false) ? "；到会未达法定人数，主持人说明理由后照常表决" : "") + "）";
  }

  /** What the boards show first, before the matters: the rest may be read in full from the QR code. */
  private static String heading(Meeting meeting, Setting setting) {
    return "会议名称：" + meeting.title() + "\n时间：" + when(meeting.plan().startsAt(), setting.zone())
        + "\n地点：" + (setting.roomName().isBlank() ? "待定" : setting.roomName());
  }

  private static String hosts(Setting setting) {
    return "主持人：" + (setting.hostNames().isEmpty() ? "待定" : String.join("、", setting.hostNames()));
  }

  static String when(Long at, ZoneId zone) {
    if (at == null) {
      return "待定";
    }
    return DateTimeFormatter.ofPattern("yyyy年M月d日（EEEE）HH:mm", Locale.CHINA).withZone(zone).format(Instant.ofEpochMilli(at));
  }

  private static String forms(Meeting meeting) {
    return String.join("、", meeting.plan().forms().stream().map(f -> FORMS.getOrDefault(f, f)).toList());
  }

  /** The kinds invited (八方议事) and, without names, how many members were invited one by one. */
  private static String invited(Meeting meeting) {
    String kinds = kinds(meeting.plan().invitedKinds());
    int named = meeting.plan().invitedMembers().size();
    String members = named == 0 ? "" : "特邀议事成员 " + named + " 人";
    if (kinds.isEmpty() && members.isEmpty()) {
      return "待定";
    }
    return kinds.isEmpty() ? members : members.isEmpty() ? kinds : kinds + "；" + members;
  }

  static String kinds(List<String> codes) {
    return String.join("、", codes.stream().map(MeetingNoticeText::kindLabel).filter(Objects::nonNull).toList());
  }

  private static String kindLabel(String code) {
    try {
      return MemberKinds.label(AttendeeKind.valueOf(code));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  /** Head, as many items as fit under {@link #MAX_BODY} with the tail, and how many were left out. */
  static String fit(String head, List<String> items, String tail) {
    StringBuilder body = new StringBuilder(head);
    for (int i = 0; i < items.size(); i++) {
      String more = "\n- ……另有 " + (items.size() - i) + " 项，详见会议记录";
      boolean last = i == items.size() - 1;
      if (body.length() + items.get(i).length() + tail.length() + (last ? 0 : more.length()) > MAX_BODY) {
        body.append(more);
        break;
      }
      body.append(items.get(i));
    }
    return body.append(tail).toString();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
