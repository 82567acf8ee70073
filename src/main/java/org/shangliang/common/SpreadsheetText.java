package org.shangliang.common;

/**
 * Text bound for a spreadsheet (the CSV exports of members, invitations and the audit log). Excel
 * reads UTF-8 only after a byte order mark, and runs a cell that starts with = + - @ (or a tab or
 * carriage return) as a formula: a name typed as {@code =HYPERLINK(...)} must stay text, so such a
 * cell is written after an apostrophe, which the spreadsheet hides and an import removes.
 */
public final class SpreadsheetText {
  public static final String BOM = "\uFEFF";
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private SpreadsheetText() {
  }

  /** The cell as written: after an apostrophe if a spreadsheet would take it for a formula; null as empty. */
  public static String inert(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return formulaLike(text) ? "'" + text : text;
  }

  /** Whether a spreadsheet would run the text as a formula (an xlsx writes such a cell quote-prefixed). */
  public static boolean formulaLike(String text) {
    return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
  }

  /** The reverse of {@link #inert}, for a cell read back from a spreadsheet. */
  public static String plain(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1) : cell;
  }

  /** The text without a leading byte order mark. */
  public static String withoutBom(String text) {
    return text.startsWith(BOM) ? text.substring(BOM.length()) : text;
  }
}
