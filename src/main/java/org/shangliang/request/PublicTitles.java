package org.shangliang.request;

import io.vertx.core.json.JsonObject;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one name a request has in public (公开标题). What a resident types — what the matter is, a
 * place written out on a phone — names people, rooms and numbers, so it is never shown outside
 * the staff console; boards, notices, the meeting's agenda, status pages and Open311 show this
 * title instead. Until staff write or approve one it is made of structured fields only: the kind,
 * the grid and a building number.
 */
public final class PublicTitles {
  public static final int MAX_LENGTH = 60;
  /** A building as the kiosk offers it (1号楼 … 20号楼); anything else typed for the place is free text. */
  private static final Pattern BUILDING = Pattern.compile("[1-9][0-9]{0,2}号楼");
  /** Digits, with the spaces and dashes people put between them. */
  private static final Pattern NUMBER_RUN = Pattern.compile("[0-9０-９][0-9０-９ \\-－]*");
  /** Seven digits in a row is a phone number, an ID-card or a plate, never part of a title. */
  private static final int MOST_DIGITS = 6;
  private static final String SEPARATOR = " · ";

  private PublicTitles() {
  }

  /** The building of a request if it is a building number; null when the place was typed freely. */
  public static String building(JsonObject where) {
    String building = where == null ? null : where.getString("building");
    return building != null && BUILDING.matcher(building).matches() ? building : null;
  }

  /** Kind, grid and building, as a request is named until staff name it. */
  public static String defaultTitle(String kind, JsonObject where) {
    JsonObject w = where == null ? new JsonObject() : where;
    StringBuilder title = new StringBuilder(kind);
    if (w.getString("gridName") != null) {
      title.append(SEPARATOR).append(w.getString("gridName"));
    }
    if (building(w) != null) {
      title.append(SEPARATOR).append(building(w));
    }
    return title.length() <= MAX_LENGTH ? title.toString() : title.substring(0, MAX_LENGTH);
  }

  /** The request's public title: the one staff gave, or else the default (also for requests filed before titles). */
  public static String of(JsonObject request) {
    String title = request.getString("publicTitle");
    return title != null ? title : defaultTitle(request.getString("kind"), request.getJsonObject("where"));
  }

  /** Whether the request is named by its default title, so a list need not repeat its kind and grid. */
  public static boolean isDefault(JsonObject request) {
    return of(request).equals(defaultTitle(request.getString("kind"), request.getJsonObject("where")));
  }

  /**
   * A title staff give, tidied (one line, single spaces), or refused: empty, too long, or holding
   * what looks like a phone or ID-card number ({@code PUBLIC_TITLE_PERSONAL}).
   */
  public static String checked(String title) {
    String tidy = title == null ? "" : title.strip().replaceAll(" +", " ");
    if (tidy.isEmpty() || tidy.length() > MAX_LENGTH || tidy.codePoints().anyMatch(Character::isISOControl)) {
      throw new Failure(ErrorCode.BAD_REQUEST, "公开标题须为1至" + MAX_LENGTH + "个字的一行文字");
    }
    Matcher run = NUMBER_RUN.matcher(tidy);
    while (run.find()) {
      if (run.group().replaceAll("[ \\-－]", "").length() > MOST_DIGITS) {
        throw new Failure(ErrorCode.PUBLIC_TITLE_PERSONAL);
      }
    }
    return tidy;
  }

  /** Sets the title on the request document, approved by {@code by} at {@code at}. */
  static void approve(JsonObject request, String title, JsonObject by, long at) {
    request.put("publicTitle", title).put("publicTitleApproved", new JsonObject().put("by", by).put("at", at));
  }
}
