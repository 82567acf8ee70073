package org.shangliang.member;

import org.shangliang.common.SpreadsheetText;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members table as a spreadsheet file: UTF-8 with a byte-order mark (so Excel reads the Chinese),
 * a header of Chinese column names, one member a row. Plain text in, plain text out; what the
 * cells mean is {@link MemberImport}'s.
 */
public final class MemberCsv {
  public static final String NAME = "姓名";
  public static final String KINDS = "身份类别";
  public static final String PARTY = "党员";
  public static final String CAPABLE = "社区能人";
  public static final String GRID = "网格";
  public static final String BUILDING = "楼栋";
  public static final String PHONE = "电话";
  public static final String NOTE = "备注";
  public static final String STATE = "状态";
  public static final List<String> HEADER = List.of(NAME, KINDS, PARTY, CAPABLE, GRID, BUILDING, PHONE, NOTE, STATE);
  public static final String YES = "是";
  public static final String NO = "否";
  public static final String ACTIVE = "在册";
  public static final String INACTIVE = "停用";
  public static final int MAX_ROWS = 2000;

  /** One data row: its number as a spreadsheet shows it (the header is row 1) and its cells by column. */
  public record Row(long number, Map<String, String> cells) {
    public String cell(String column) {
      return cells.getOrDefault(column, "");
    }
  }

  /** The rows of a file, or the errors that keep it from being read at all. */
  public record Table(List<Row> rows, List<JsonObject> errors) {
  }

  private MemberCsv() {
  }

  /** The members as a file; {@code personal} false leaves the phone and note cells empty. */
  public static byte[] write(List<JsonObject> members, Map<String, String> gridNames, boolean personal) {
    StringBuilder out = new StringBuilder(SpreadsheetText.BOM);
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL)) {
      printer.printRecord(HEADER);
      for (JsonObject m : members) {
        printer.printRecord(cells(m, gridNames, personal));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One member's row as the file writes it, in {@link #HEADER}'s order (the xlsx export writes the same). */
  public static List<String> cells(JsonObject m, Map<String, String> gridNames, boolean personal) {
    return Arrays.asList(SpreadsheetText.inert(m.getString("name", "")), MemberKinds.cell(MemberConsole.kindsOf(m)),
        m.getBoolean("partyMember", false) ? YES : NO, m.getBoolean("capable", false) ? YES : NO,
        SpreadsheetText.inert(gridNames.getOrDefault(m.getString("gridId", ""), "")), SpreadsheetText.inert(m.getString("building", "")),
        personal ? m.getString("phone", "") : "", personal ? SpreadsheetText.inert(m.getString("note", "")) : "",
        m.getBoolean("active", true) ? ACTIVE : INACTIVE);
  }

  /** Reads a file's rows; blank rows are skipped; a header that is not ours, or too many rows, is an error. */
  public static Table read(byte[] bytes) {
    List<JsonObject> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(decode(bytes)), CSVFormat.EXCEL)) {
      List<String> header = null;
      for (CSVRecord record : parser) {
        if (header == null) {
          header = header(record, errors);
          if (!errors.isEmpty()) {
            break;
          }
        } else if (!blank(record)) {
          if (rows.size() == MAX_ROWS) {
            errors.add(error(record.getRecordNumber(), null, "一次最多导入 " + MAX_ROWS + " 行，请分成几个文件"));
            break;
          }
          rows.add(row(record, header, errors));
        }
      }
      if (header == null) {
        errors.add(error(1, null, "文件是空的：第一行应为表头 " + String.join("，", HEADER)));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      errors.add(error(rows.size() + 2L, null, "CSV 格式不正确（引号不成对？），请用表格软件另存为 CSV"));
    }
    return new Table(rows, errors);
  }

  public static JsonObject error(long row, String field, String message) {
    return new JsonObject().put("row", row).put("field", field).put("message", message);
  }


  /** UTF-8 (with or without its mark); a file that is not UTF-8 is read as GB18030, as Excel saves CSV on Chinese Windows. */
  static String decode(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, Charset.forName("GB18030"));
    }
    return SpreadsheetText.withoutBom(text);
  }

  private static List<String> header(CSVRecord record, List<JsonObject> errors) {
    List<String> header = new ArrayList<>();
    for (String cell : record) {
      String column = cell.trim();
      if (!HEADER.contains(column)) {
        errors.add(error(1, column, "不认识的列“" + column + "”；表头应为 " + String.join("，", HEADER)));
      } else if (header.contains(column)) {
        errors.add(error(1, column, "列“" + column + "”出现了两次"));
      }
      header.add(column);
    }
    for (String required : List.of(NAME, KINDS)) {
      if (!header.contains(required)) {
        errors.add(error(1, required, "缺少“" + required + "”列"));
      }
    }
    return header;
  }

  private static Row row(CSVRecord record, List<String> header, List<JsonObject> errors) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (int i = 0; i < record.size(); i++) {
      String value = record.get(i).trim();
      if (i >= header.size()) {
        if (!value.isEmpty()) {
          errors.add(error(record.getRecordNumber(), null, "这一行的格子比表头多"));
        }
      } else {
        cells.put(header.get(i), value);
      }
    }
    return new Row(record.getRecordNumber(), cells);
  }

  private static boolean blank(CSVRecord record) {
    for (String cell : record) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
