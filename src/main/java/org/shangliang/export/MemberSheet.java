package org.shangliang.export;

import io.vertx.core.Future;
import org.shangliang.common.Identity;
import org.shangliang.common.SpreadsheetText;
import org.shangliang.member.MemberCsv;
import org.shangliang.member.MemberScope;
import org.shangliang.member.MemberTable;
import org.shangliang.store.Database;

import java.util.List;
import java.util.Set;

/**
 * The member register (议事主体): the CSV is the register's own file (the one {@code /api/members.csv}
 * gives and imports); the workbook holds the same rows and columns, with the same personal-field rules.
 */
final class MemberSheet {
  private final MemberTable table;

  MemberSheet(Database db) {
    this.table = new MemberTable(db);
  }

  Future<byte[]> csv(Identity who) {
    return table.export(who);
  }

  /** The CSV's cells, back to plain text: the workbook quote-prefixes what a spreadsheet would run. */
  Future<ExportTable> table(Identity who) {
    return table.rows(who).map(rows -> new ExportTable(ExportName.MEMBERS, MemberCsv.HEADER,
        rows.stream().map(r -> r.stream().<Object>map(c -> c == null ? null : SpreadsheetText.plain(c)).toList()).toList(), "全部（含停用）",
        MemberScope.seesPersonal(who) ? null : "您的账号不能查看个人信息：电话和备注为空"));
  }

  static Set<String> params() {
    return Set.of();
  }
}
