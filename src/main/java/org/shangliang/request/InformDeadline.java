package org.shangliang.request;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * 办完即反's time limit: a request done (办结) must be told to the resident by the end of the
 * N-th working day after the day it was done (N = {@code INFORM_WITHIN_WORKING_DAYS}, 0 = the
 * same day). Working days are Monday to Friday only: public holidays and the weekends swapped
 * for them (调休) are not known here, which is a holiday calendar's job and out of scope, so a
 * deadline over a holiday comes earlier than the official count, never later.
 */
public final class InformDeadline {
  private final int workingDays;

  public InformDeadline(int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("INFORM_WITHIN_WORKING_DAYS must be 0 or more, not " + workingDays);
    }
    this.workingDays = workingDays;
  }

  public int workingDays() {
    return workingDays;
  }

  /** The last millisecond of the {@code workingDays}-th working day after the day of {@code doneAt}, in {@code zone}. */
  public static long dueAt(long doneAt, int workingDays, ZoneId zone) {
    LocalDate day = Instant.ofEpochMilli(doneAt).atZone(zone).toLocalDate();
    for (int left = workingDays; left > 0; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
  }

  static boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /**
   * When the resident of a request done and not yet told must be told by; null in any other state.
   * A request done again after a reopening counts from its last completion. Reads a stored
   * request or its staff view alike. Days are counted in {@code zone}, the community's.
   */
  public Long dueAt(JsonObject request, ZoneId zone) {
    JsonArray completions = request.getJsonArray("completions", new JsonArray());
    if (!RequestStatus.DONE.name().equals(request.getString("status")) || completions.isEmpty()) {
      return null;
    }
    return dueAt(completions.getJsonObject(completions.size() - 1).getLong("at"), workingDays, zone);
  }
}
