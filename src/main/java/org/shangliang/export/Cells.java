package org.shangliang.export;

import org.shangliang.common.SpreadsheetText;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a cell reads as text, the same in both formats: times to the minute, rates as percentages to one decimal. */
final class Cells {
  static final String TIME_PATTERN = "yyyy-MM-dd HH:mm";
  /** The same pattern as an Excel number format. */
  static final String EXCEL_TIME_FORMAT = "yyyy-mm-dd hh:mm";
  static final String EXCEL_RATE_FORMAT = "0.0%";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(TIME_PATTERN);

  private Cells() {
  }

  /** A stored instant as the community's clock shows it; null stays null. */
  static LocalDateTime time(Long millis, ZoneId zone) {
    return millis == null ? null : LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
  }

  static String time(LocalDateTime at) {
    return at.format(TIME);
  }

  /** The cell as CSV writes it; text that a spreadsheet would run as a formula stays text. */
  static String text(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof LocalDateTime at) {
      return time(at);
    }
    if (cell instanceof Double rate) {
      return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
    return cell instanceof String s ? SpreadsheetText.inert(s) : String.valueOf(cell);
  }
}
