package org.shangliang.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.shangliang.common.SpreadsheetText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Any export as an Excel workbook: the table on a sheet of its Chinese name (a bold, frozen header,
 * times as real date cells, rates as percentages, text that looks like a formula quote-prefixed, as
 * Excel stores a typed apostrophe), and a 说明 sheet saying what it is, when, by whom and for which rows.
 */
public final class XlsxFile {
  public static final String ABOUT_SHEET = "说明";
  /** Widest column, in characters: long resolutions wrap in the cell rather than push the rest away. */
  private static final int MAX_WIDTH = 60;

  private final XSSFWorkbook book = new XSSFWorkbook();
  private final CellStyle header = book.createCellStyle();
  private final CellStyle quoted = book.createCellStyle();
  private final CellStyle time = book.createCellStyle();
  private final CellStyle rate = book.createCellStyle();

  private XlsxFile() {
    Font bold = book.createFont();
    bold.setBold(true);
    header.setFont(bold);
    quoted.setQuotePrefixed(true);
    time.setDataFormat(book.createDataFormat().getFormat(Cells.EXCEL_TIME_FORMAT));
    rate.setDataFormat(book.createDataFormat().getFormat(Cells.EXCEL_RATE_FORMAT));
  }

  public static byte[] write(ExportTable table, String exportedBy, LocalDateTime exportedAt) {
    XlsxFile file = new XlsxFile();
    try (XSSFWorkbook book = file.book) {
      file.table(table);
      file.about(table, exportedBy, exportedAt);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void table(ExportTable table) {
    Sheet sheet = book.createSheet(table.name().chinese());
    int[] widths = new int[table.header().size()];
    Row top = sheet.createRow(0);
    for (int c = 0; c < widths.length; c++) {
      Cell cell = top.createCell(c);
      cell.setCellValue(table.header().get(c));
      cell.setCellStyle(header);
      widths[c] = width(table.header().get(c));
    }
    int r = 1;
    for (List<Object> values : table.rows()) {
      Row row = sheet.createRow(r++);
      for (int c = 0; c < values.size(); c++) {
        put(row.createCell(c), values.get(c));
        widths[c] = Math.max(widths[c], width(Cells.text(values.get(c))));
      }
    }
    sheet.createFreezePane(0, 1);
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH) + 2) * 256);
    }
  }

  private void put(Cell cell, Object value) {
    if (value instanceof LocalDateTime at) {
      cell.setCellValue(at);
      cell.setCellStyle(time);
    } else if (value instanceof Double fraction) {
      cell.setCellValue(fraction);
      cell.setCellStyle(rate);
    } else if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (value instanceof String text && !text.isEmpty()) {
      cell.setCellValue(text);
      if (SpreadsheetText.formulaLike(text)) {
        cell.setCellStyle(quoted);
      }
    }
  }

  private void about(ExportTable table, String exportedBy, LocalDateTime exportedAt) {
    Sheet sheet = book.createSheet(ABOUT_SHEET);
    String[][] lines = {
        {"内容", table.name().chinese()},
        {"导出时间", Cells.time(exportedAt)},
        {"导出人", exportedBy},
        {"筛选条件", table.filter()},
        {"行数", String.valueOf(table.rows().size())},
        {"备注", table.note() == null ? "" : table.note()}};
    for (int r = 0; r < lines.length; r++) {
      Row row = sheet.createRow(r);
      Cell key = row.createCell(0);
      key.setCellValue(lines[r][0]);
      key.setCellStyle(header);
      put(row.createCell(1), lines[r][1]);
    }
    sheet.setColumnWidth(0, 12 * 256);
    sheet.setColumnWidth(1, MAX_WIDTH * 256);
  }

  /** Characters a text takes on screen: a Chinese character is two. */
  private static int width(String text) {
    return text.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
  }
}
