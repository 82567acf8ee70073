package org.shangliang.export;

import io.vertx.core.MultiMap;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An export's query parameters, checked before anything is read: only the ones that export knows,
 * each at most once, dates as YYYY-MM-DD and months as YYYY-MM in order; anything else is
 * BAD_REQUEST with a message that says what to write.
 */
final class ExportFilter {
  static final Pattern ID = Pattern.compile("[0-9a-f]{24}");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

  private final MultiMap params;

  ExportFilter(MultiMap params, Set<String> known) {
    this.params = params;
    for (String name : params.names()) {
      if (!known.contains(name)) {
        throw bad("不认识的筛选条件“" + clip(name) + "”" + (known.isEmpty() ? "：这份导出没有筛选条件" : "；可用的有 " + String.join("、", known)));
      }
      if (params.getAll(name).size() > 1) {
        throw bad("筛选条件“" + name + "”只能给一次");
      }
    }
  }

  /** The parameter, or null when it was not given (or empty). */
  String text(String name) {
    String value = params.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** A day, or null. */
  LocalDate date(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      if (DATE.matcher(value).matches()) {
        return LocalDate.parse(value);
      }
    } catch (DateTimeParseException e) {
      // reported below, as for any other malformed date
    }
    throw bad("日期“" + clip(value) + "”不正确，应写成 YYYY-MM-DD，例如 2025-03-01");
  }

  /** A month, or null. */
  YearMonth month(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      if (MONTH.matcher(value).matches()) {
        return YearMonth.parse(value);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw bad("月份“" + clip(value) + "”不正确，应写成 YYYY-MM，例如 2025-03");
  }

  /** One of {@code allowed}, or null. */
  String choice(String name, List<String> allowed) {
    String value = text(name);
    if (value != null && !allowed.contains(value)) {
      throw bad("筛选条件“" + name + "”只能是 " + String.join("、", allowed));
    }
    return value;
  }

  /** The days from {@code from} to {@code to}, both included; either may be open. */
  Days days() {
    LocalDate from = date("from");
    LocalDate to = date("to");
    if (from != null && to != null && from.isAfter(to)) {
      throw bad("开始日期不能晚于结束日期");
    }
    return new Days(from, to);
  }

  record Days(LocalDate from, LocalDate to) {
    Long fromMillis(ZoneId zone) {
      return from == null ? null : from.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** The end, exclusive: the start of the day after {@code to}. */
    Long toMillis(ZoneId zone) {
      return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    String describe(String what) {
      if (from == null && to == null) {
        return "全部";
      }
      return what + (from == null ? "" : "从 " + from + " ") + (to == null ? "起" : "至 " + to);
    }
  }

  static Failure bad(String message) {
    return new Failure(ErrorCode.BAD_REQUEST, message);
  }

  /** A value echoed in a message, cut short: the message must not carry a whole hostile query. */
  private static String clip(String value) {
    return value.length() > 30 ? value.substring(0, 30) + "…" : value;
  }
}
