package org.shangliang.minutes;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * The Word plumbing the minutes need, kept apart from what the minutes say: an A4 page, runs whose
 * Chinese keeps a Chinese font (Word otherwise picks a Latin one and some viewers show boxes),
 * plain tables whose rows never split across pages, and a footer with the page number.
 */
final class WordPage {
  /** A4 in twentieths of a point. */
  static final int A4_WIDTH = 11906;
  static final int A4_HEIGHT = 16838;
  /** 18 mm top and bottom, 16 mm left and right: the margins of the print view (minutes-print.css). */
  private static final int MARGIN_TOP = 1021;
  private static final int MARGIN_SIDE = 907;
  private static final String CHINESE_FONT = "SimSun";
  private static final String LATIN_FONT = "Times New Roman";
  static final String RED = "A81616";

  private final XWPFDocument doc = new XWPFDocument();

  WordPage() {
    CTSectPr section = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(A4_WIDTH));
    size.setH(BigInteger.valueOf(A4_HEIGHT));
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(MARGIN_TOP));
    margins.setBottom(BigInteger.valueOf(MARGIN_TOP));
    margins.setLeft(BigInteger.valueOf(MARGIN_SIDE));
    margins.setRight(BigInteger.valueOf(MARGIN_SIDE));
    margins.setHeader(BigInteger.valueOf(MARGIN_SIDE / 2));
    margins.setFooter(BigInteger.valueOf(MARGIN_SIDE / 2));
    pageNumbers();
  }

  /** 第 n 页 共 m 页, centred at the foot of every page, as PAGE and NUMPAGES fields Word fills in. */
  private void pageNumbers() {
    XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
    XWPFParagraph p = footer.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    style(p.createRun(), 9).setText("第 ");
    p.getCTP().addNewFldSimple().setInstr(" PAGE ");
    style(p.createRun(), 9).setText(" 页 共 ");
    p.getCTP().addNewFldSimple().setInstr(" NUMPAGES ");
    style(p.createRun(), 9).setText(" 页");
  }

  /** A line at the head of every page, e.g. 草稿 on a draft. */
  void pageHeader(String text) {
    XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
    XWPFParagraph p = header.createParagraph();
    p.setAlignment(ParagraphAlignment.RIGHT);
    XWPFRun run = style(p.createRun(), 12);
    run.setBold(true);
    run.setColor(RED);
    run.setText(clean(text));
  }

  XWPFParagraph paragraph() {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingAfter(80);
    return p;
  }

  /** One paragraph of text at a size in points; line breaks in the text stay line breaks. */
  XWPFParagraph text(String text, int points) {
    XWPFParagraph p = paragraph();
    add(p, text, points, false);
    return p;
  }

  /** 标签：value, the label in bold. */
  XWPFParagraph fact(String label, String value) {
    XWPFParagraph p = paragraph();
    add(p, label + "：", 11, true);
    add(p, value, 11, false);
    return p;
  }

  XWPFParagraph heading(String text, int points) {
    XWPFParagraph p = paragraph();
    p.setSpacingBefore(200);
    p.setKeepNext(true);
    add(p, text, points, true);
    return p;
  }

  /** Adds text to p as runs, one per line. */
  XWPFRun add(XWPFParagraph p, String text, int points, boolean bold) {
    String[] lines = clean(text).split("\n", -1);
    XWPFRun run = null;
    for (int i = 0; i < lines.length; i++) {
      run = style(p.createRun(), points);
      run.setBold(bold);
      if (i > 0) {
        run.addBreak();
      }
      run.setText(lines[i]);
    }
    return run;
  }

  /** A full-width table: a header row repeated on each page, no row split across two pages. */
  XWPFTable table(List<String> header, List<List<String>> rows) {
    XWPFTable table = doc.createTable(1 + rows.size(), header.size());
    table.setWidth("100%");
    fill(table.getRow(0), header, true);
    table.getRow(0).setRepeatHeader(true);
    for (int i = 0; i < rows.size(); i++) {
      fill(table.getRow(i + 1), rows.get(i), false);
    }
    paragraph().setSpacingAfter(0);
    return table;
  }

  /** Label–value rows, the labels bold: one vote, one resolution. */
  XWPFTable pairs(List<List<String>> rows) {
    XWPFTable table = doc.createTable(rows.size(), 2);
    table.setWidth("100%");
    for (int i = 0; i < rows.size(); i++) {
      XWPFTableRow row = table.getRow(i);
      row.setCantSplitRow(true);
      cell(row.getCell(0), rows.get(i).get(0), true).setWidth("22%");
      cell(row.getCell(1), rows.get(i).get(1), false).setWidth("78%");
    }
    paragraph().setSpacingAfter(0);
    return table;
  }

  private void fill(XWPFTableRow row, List<String> values, boolean bold) {
    row.setCantSplitRow(true);
    for (int c = 0; c < values.size(); c++) {
      cell(row.getCell(c), values.get(c), bold);
    }
  }

  private XWPFTableCell cell(XWPFTableCell cell, String text, boolean bold) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    add(p, text, 10, bold);
    return cell;
  }

  /** A page break before p: each matter starts on a page of its own, as in the print view. */
  void newPageBefore(XWPFParagraph p) {
    p.setPageBreak(true);
  }

  byte[] bytes() {
    try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static XWPFRun style(XWPFRun run, int points) {
    run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
    run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
    run.setFontFamily(CHINESE_FONT, XWPFRun.FontCharRange.eastAsia);
    run.setLang("zh-CN");
    run.setFontSize(points);
    return run;
  }

  /**
   * Text as XML 1.0 allows it: other control characters (which a hostile or pasted text may hold)
   * would make a file Word refuses to open. Tabs become spaces; CR LF becomes one line break.
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
    unified.codePoints().filter(c -> c == '\n' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF)))
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
