package org.shangliang.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * When a meeting is planned and who runs it: the date and time, the two hosts (双主持: a community
 * cadre and a grid worker, by account name; either may act, as may an administrator; none named
 * means any host may), and its kinds of consultation.
 */
public record MeetingPlan(Long startsAt, List<String> hosts, List<String> forms) {
  public static final MeetingPlan NONE = new MeetingPlan(null, List.of(), List.of(Form.MEETING.name()));

  /** 会议协商 in the room; 书面协商 in writing; 网络协商 online, from phones within a deadline. */
  public enum Form { MEETING, WRITTEN, ONLINE }

  public MeetingPlan {
    hosts = hosts == null ? List.of() : List.copyOf(hosts);
    forms = forms == null || forms.isEmpty() ? List.of(Form.MEETING.name()) : List.copyOf(forms);
  }

  /** Whether this account may run the meeting from the host console. */
  public boolean mayHost(String accountId, boolean administrator) {
    return hosts.isEmpty() || administrator || hosts.contains(accountId);
  }

  static MeetingPlan fromDocument(JsonObject doc) {
    JsonArray hosts = doc.getJsonArray("hosts");
    JsonArray forms = doc.getJsonArray("forms");
    return new MeetingPlan(doc.getLong("startsAt"),
        hosts == null ? List.of() : hosts.stream().map(String::valueOf).toList(),
        forms == null ? List.of() : forms.stream().map(String::valueOf).toList());
  }

  /** Stored at the top of the meeting's document, so meetings can be found and sorted by time. */
  void writeTo(JsonObject doc) {
    doc.put("startsAt", startsAt).put("hosts", new JsonArray(hosts)).put("forms", new JsonArray(forms));
  }
}
