package org.shangliang.minutes;

import io.vertx.core.json.JsonObject;
import org.shangliang.common.Identity;
import org.shangliang.member.MemberScope;

/**
 * What a read-only account (VIEWER) may read of a meeting's minutes. Attendees' names and anyone's
 * ballots go only to the roles that see members' phones (as on archive.cmd, docs/API.md): a viewer
 * gets the counts, the texts, the votes' totals and the resolutions, and no attendee's name — not
 * in the attendance lists, the speeches, the 限次 refusals or a named vote's roll call. Hosts,
 * approvers and the authors of corrections are staff accounts acting in office and stay named.
 */
public final class MinutesPrivacy {
  private MinutesPrivacy() {
  }

  /**
   * The stored minutes as {@code who} may read them, with {@code id} for {@code _id}: whole for the
   * roles that see members' personal data, else {@link #forViewer}.
   */
  public static JsonObject forReader(JsonObject stored, Identity who) {
    JsonObject shown = MemberScope.seesPersonal(who) ? stored.copy() : forViewer(stored);
    shown.put("id", shown.remove("_id"));
    return shown;
  }

  /** A copy of the minutes without any attendee's name, marked {@code personal: false}. */
  public static JsonObject forViewer(JsonObject minutes) {
    JsonObject copy = minutes.copy().put("personal", false);
    JsonObject attendance = MinutesText.object(copy, "attendance");
    attendance.remove("present_names");
    attendance.remove("absent_names");
    attendance.remove("walkIn_names");
    MinutesText.objects(copy.getJsonArray("matters")).forEach(matter -> {
      MinutesText.objects(matter.getJsonArray("speeches")).forEach(MinutesPrivacy::anonymous);
      MinutesText.objects(matter.getJsonArray("refusals")).forEach(MinutesPrivacy::anonymous);
      MinutesText.objects(matter.getJsonArray("votes")).forEach(vote -> vote.putNull("rollCall"));
    });
    return copy;
  }

  private static void anonymous(JsonObject entry) {
    entry.remove("name");
    entry.remove("attendeeId");
  }
}
