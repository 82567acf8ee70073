package org.shangliang.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.shangliang.common.SpreadsheetText;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads an export over real HTTP and reads it back as rows of text, the workbook with POI, the CSV with Commons CSV. */
final class Downloads {
  static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Downloads() {
  }

  static HttpResponse<byte[]> get(String url, String bearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static byte[] ok(String url, String bearer) throws Exception {
    HttpResponse<byte[]> response = get(url, bearer);
    assertEquals(200, response.statusCode(), url + ": " + new String(response.body(), StandardCharsets.UTF_8));
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""), url);
    assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"), url);
    return response.body();
  }

  /** The data sheet's rows (header first) as the spreadsheet shows them. */
  static List<List<String>> xlsx(byte[] file) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      return rows(book.getSheetAt(0));
    }
  }

  static List<List<String>> rows(Sheet sheet) {
    DataFormatter format = new DataFormatter();
    int width = sheet.getRow(0).getLastCellNum();
    List<List<String>> rows = new ArrayList<>();
    for (Row row : sheet) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        Cell cell = row.getCell(c);
        cells.add(cell == null ? "" : format.formatCellValue(cell));
      }
      rows.add(cells);
    }
    return rows;
  }

  /** The CSV's rows (header first), each cell as the spreadsheet shows it (without the apostrophe that keeps a formula text). */
  static List<List<String>> csv(byte[] file) throws Exception {
    String text = new String(file, StandardCharsets.UTF_8);
    assertTrue(text.startsWith(SpreadsheetText.BOM), "a CSV starts with the byte order mark");
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(SpreadsheetText.withoutBom(text)), CSVFormat.EXCEL)) {
      for (CSVRecord record : parser) {
        rows.add(record.stream().map(SpreadsheetText::plain).toList());
      }
    }
    return rows;
  }

  /** Both files of one export, checked to hold the same rows; those rows. */
  static List<List<String>> both(String baseUrl, String nameAndQuery, String bearer) throws Exception {
    int q = nameAndQuery.indexOf('?');
    String name = q < 0 ? nameAndQuery : nameAndQuery.substring(0, q);
    String query = q < 0 ? "" : nameAndQuery.substring(q);
    List<List<String>> book = xlsx(ok(baseUrl + "/api/exports/" + name + ".xlsx" + query, bearer));
    List<List<String>> csv = csv(ok(baseUrl + "/api/exports/" + name + ".csv" + query, bearer));
    assertEquals(csv, book, name + ": the workbook and the CSV hold the same rows");
    return book;
  }

  /** The rows as maps of column name → cell, without the header. */
  static List<java.util.Map<String, String>> records(List<List<String>> rows) {
    List<String> header = rows.get(0);
    List<java.util.Map<String, String>> out = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      java.util.Map<String, String> record = new java.util.LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        record.put(header.get(c), row.get(c));
      }
      out.add(record);
    }
    return out;
  }
}
