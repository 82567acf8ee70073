package org.shangliang.member;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.room.AttendeeKind;

import java.util.regex.Pattern;

/**
 * A member's editable fields, as the schema (schemas/member-commands.json) and the CSV import both
 * accept them: the limits live here and there, with the same numbers.
 */
public final class MemberFields {
  public static final int MAX_NAME = 40;
  public static final int MAX_BUILDING = 20;
  public static final int MAX_NOTE = 200;
  /** Digits, spaces and hyphens, 5–20 characters, an optional leading +: a mobile, a landline with extension. */
  public static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{3,17}[0-9]");
  /** No control characters in a name or a building (a note may hold line breaks). */
  public static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");
  static final String[] EDITABLE = {"name", "kinds", "partyMember", "capable", "gridId", "building", "phone", "note"};

  private MemberFields() {
  }

  /** The fields of a valid command or row, trimmed, kinds in their listed order, blank optional fields left out. */
  public static JsonObject of(JsonObject input) {
    JsonObject fields = new JsonObject().put("name", input.getString("name").trim())
        .put("kinds", ordered(input.getJsonArray("kinds")))
        .put("partyMember", input.getBoolean("partyMember", false)).put("capable", input.getBoolean("capable", false));
    for (String optional : new String[] {"gridId", "building", "phone", "note"}) {
      String value = input.getString(optional);
      if (value != null && !value.isBlank()) {
        fields.put(optional, value.trim());
      }
    }
    return fields;
  }

  /** {@code doc} with its editable fields replaced by {@code fields} (an absent optional field is cleared). */
  public static JsonObject apply(JsonObject doc, JsonObject fields, long now) {
    for (String name : EDITABLE) {
      doc.remove(name);
    }
    return doc.mergeIn(fields).put("updatedAt", now);
  }

  private static JsonArray ordered(JsonArray kinds) {
    JsonArray ordered = new JsonArray();
    for (AttendeeKind k : MemberKinds.ALL) {
      if (kinds.contains(k.name())) {
        ordered.add(k.name());
      }
    }
    return ordered;
  }
}
