package org.shangliang.export;

import java.util.List;

/**
 * One export as a table, before it becomes a file: Chinese column names and rows of cells. A cell
 * is text ({@code String}), a whole number ({@code Integer}, {@code Long}), a rate ({@code Double},
 * a fraction written as a percentage), a time ({@code LocalDateTime}, already in the community's
 * time zone) or null (empty). {@code filter} says in Chinese which rows were asked for; {@code note}
 * says what was left out (personal fields), or is null.
 */
public record ExportTable(ExportName name, List<String> header, List<List<Object>> rows, String filter, String note) {
  public ExportTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }
}
