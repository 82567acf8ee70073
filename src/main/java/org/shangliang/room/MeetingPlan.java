package org.shangliang.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * When a meeting is planned and who runs it: the date and time, the two hosts (双主持: a community
 * cadre and a grid worker, by account name; either may act, as may an administrator; none named
 * means any host may), its kinds of consultation, whom it invites (members of some kinds, 八方议事,
 * and members named one by one; the invited become the meeting's attendees), and the grids it
 * concerns, whose boards carry its notices (议事方案 before, 过程 and 结果 after).
 */
public record MeetingPlan(Long startsAt, List<String> hosts, List<String> forms, List<String> invitedKinds,
                          List<String> invitedMembers, List<String> gridIds) {
  public static final MeetingPlan NONE = new MeetingPlan(null, List.of(), List.of(Form.MEETING.name()));

  /** 会议协商 in the room; 书面协商 in writing; 网络协商 online, from phones within a deadline. */
  public enum Form { MEETING, WRITTEN, ONLINE }

  public MeetingPlan {
    hosts = hosts == null ? List.of() : List.copyOf(hosts);
    forms = forms == null || forms.isEmpty() ? List.of(Form.MEETING.name()) : List.copyOf(forms);
    invitedKinds = invitedKinds == null ? List.of() : List.copyOf(invitedKinds);
    invitedMembers = invitedMembers == null ? List.of() : List.copyOf(invitedMembers);
    gridIds = gridIds == null ? List.of() : List.copyOf(gridIds);
  }

  public MeetingPlan(Long startsAt, List<String> hosts, List<String> forms) {
    this(startsAt, hosts, forms, List.of(), List.of(), List.of());
  }

  /** Whether this account may run the meeting from the host console. */
  public boolean mayHost(String accountId, boolean administrator) {
    return hosts.isEmpty() || administrator || hosts.contains(accountId);
  }

  static MeetingPlan fromDocument(JsonObject doc) {
    JsonObject invitation = doc.getJsonObject("invitation", new JsonObject());
    return new MeetingPlan(doc.getLong("startsAt"), strings(doc.getJsonArray("hosts")), strings(doc.getJsonArray("forms")),
        strings(invitation.getJsonArray("kinds")), strings(invitation.getJsonArray("members")),
        strings(doc.getJsonArray("gridIds")));
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }

  /** Stored at the top of the meeting's document, so meetings can be found and sorted by time. */
  void writeTo(JsonObject doc) {
    doc.put("startsAt", startsAt).put("hosts", new JsonArray(hosts)).put("forms", new JsonArray(forms))
        .put("gridIds", new JsonArray(gridIds))
        .put("invitation", new JsonObject().put("kinds", new JsonArray(invitedKinds)).put("members", new JsonArray(invitedMembers)));
  }
}
