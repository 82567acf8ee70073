package org.shangliang.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.shangliang.common.SpreadsheetText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Any export as a CSV file: UTF-8 with a byte order mark (so Excel reads the Chinese), a header row, one row a line. */
public final class CsvFile {
  private CsvFile() {
  }

  public static byte[] write(ExportTable table) {
    StringBuilder out = new StringBuilder(SpreadsheetText.BOM);
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL)) {
      printer.printRecord(table.header());
      for (List<Object> row : table.rows()) {
        printer.printRecord(row.stream().map(Cells::text).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
