package org.shangliang.member;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.common.SpreadsheetText;
import org.shangliang.room.AttendeeKind;

import java.util.List;
import java.util.Map;

/**
 * What one imported row means: its cells read as a member's fields, each mistake reported with its
 * row and column, in words a person who filled the table can act on.
 */
final class MemberRows {
  private final Map<String, String> gridIdsByName;
  private final Identity who;
  private final Schemas schemas;

  MemberRows(Map<String, String> gridIdsByName, Identity who, Schemas schemas) {
    this.gridIdsByName = gridIdsByName;
    this.who = who;
    this.schemas = schemas;
  }

  /** The row as {@code saveMember} fields plus {@code active} (null when the row does not say); null after errors. */
  JsonObject read(MemberCsv.Row row, List<JsonObject> errors) {
    int before = errors.size();
    Reader cells = new Reader(row, errors);
    JsonObject input = new JsonObject().put("action", "saveMember")
        .put("name", cells.text(MemberCsv.NAME, MemberFields.MAX_NAME, true))
        .put("kinds", kinds(cells))
        .put("partyMember", cells.yesNo(MemberCsv.PARTY)).put("capable", cells.yesNo(MemberCsv.CAPABLE))
        .put("gridId", grid(cells))
        .put("building", cells.text(MemberCsv.BUILDING, MemberFields.MAX_BUILDING, false))
        .put("phone", phone(cells))
        .put("note", cells.text(MemberCsv.NOTE, MemberFields.MAX_NOTE, false));
    Boolean active = state(cells);
    if (errors.size() > before) {
      return null;
    }
    try {
      schemas.check("saveMember", input);
    } catch (Failure f) {
      errors.add(MemberCsv.error(row.number(), null, f.getMessage()));
      return null;
    }
    JsonObject fields = MemberFields.of(input);
    return active == null ? fields : fields.put("active", active);
  }

  private JsonArray kinds(Reader cells) {
    JsonArray kinds = new JsonArray();
    List<String> words = MemberKinds.words(cells.cell(MemberCsv.KINDS));
    if (words.isEmpty()) {
      cells.fail(MemberCsv.KINDS, "请至少填一种身份类别");
    }
    for (String word : words) {
      AttendeeKind kind = MemberKinds.parse(word);
      if (kind == null) {
        cells.fail(MemberCsv.KINDS, "不认识的身份类别“" + word + "”；可填："
            + String.join("、", MemberKinds.ALL.stream().map(MemberKinds::label).toList()));
      } else if (!kinds.contains(kind.name())) {
        kinds.add(kind.name());
      }
    }
    return kinds;
  }

  private String grid(Reader cells) {
    String name = SpreadsheetText.plain(cells.cell(MemberCsv.GRID));
    String gridId = name.isEmpty() ? null : gridIdsByName.get(name);
    if (!name.isEmpty() && gridId == null) {
      cells.fail(MemberCsv.GRID, "没有叫“" + name + "”的网格");
    } else if (!who.covers(gridId)) {
      cells.fail(MemberCsv.GRID, gridId == null ? "请填写您负责的网格" : "只能导入您负责的网格的成员");
    }
    return gridId;
  }

  private static String phone(Reader cells) {
    String phone = cells.cell(MemberCsv.PHONE);
    if (!phone.isEmpty() && !MemberFields.PHONE.matcher(phone).matches()) {
      cells.fail(MemberCsv.PHONE, "电话号码格式不对：只能有数字、空格和“-”，5 到 20 位");
    }
    return phone;
  }

  private static Boolean state(Reader cells) {
    String state = cells.cell(MemberCsv.STATE);
    if (state.isEmpty()) {
      return null;
    }
    if (!state.equals(MemberCsv.ACTIVE) && !state.equals(MemberCsv.INACTIVE)) {
      cells.fail(MemberCsv.STATE, "请填“" + MemberCsv.ACTIVE + "”或“" + MemberCsv.INACTIVE + "”");
    }
    return state.equals(MemberCsv.ACTIVE);
  }

  /** One row's cells, and the place its mistakes go. */
  private record Reader(MemberCsv.Row row, List<JsonObject> errors) {
    String cell(String column) {
      return row.cell(column);
    }

    void fail(String column, String message) {
      errors.add(MemberCsv.error(row.number(), column, message));
    }

    String text(String column, int max, boolean required) {
      String text = SpreadsheetText.plain(cell(column));
      if (required && text.isEmpty()) {
        fail(column, "请填写" + column);
      } else if (text.length() > max) {
        fail(column, column + "最多 " + max + " 个字，这里有 " + text.length() + " 个");
      } else if (!column.equals(MemberCsv.NOTE) && MemberFields.CONTROL.matcher(text).find()) {
        fail(column, column + "里不能有换行或制表符");
      }
      return text;
    }

    boolean yesNo(String column) {
      String value = cell(column);
      if (!value.isEmpty() && !value.equals(MemberCsv.YES) && !value.equals(MemberCsv.NO)) {
        fail(column, "请填“" + MemberCsv.YES + "”或“" + MemberCsv.NO + "”");
      }
      return value.equals(MemberCsv.YES);
    }
  }
}
