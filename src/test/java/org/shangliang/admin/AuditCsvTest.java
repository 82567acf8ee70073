package org.shangliang.admin;

import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit CSV a community reads in a spreadsheet: roles and areas in Chinese, as the console shows them. */
class AuditCsvTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  @DisplayName("a resident's rating from the phone reads 居民; a member change reads 议事成员")
  void residentsAndAreasInChinese() throws IOException {
    JsonObject rating = new JsonObject().put("at", 0L).put("area", "request").put("action", "rateRequest")
        .put("actor", new JsonObject().put("id", "resident").put("name", "居民").put("role", "RESIDENT"));
    JsonObject member = new JsonObject().put("at", 0L).put("area", "member").put("action", "saveMember")
        .put("actor", new JsonObject().put("id", "cadre").put("name", "王主任").put("role", "CADRE"));
    List<CSVRecord> rows = read(AuditCsv.write(List.of(rating, member), SHANGHAI));
    assertEquals("居民", rows.get(0).get("角色"));
    assertEquals("居民诉求", rows.get(0).get("区域"));
    assertEquals("社区干部", rows.get(1).get("角色"));
    assertEquals("议事成员", rows.get(1).get("区域"));
  }

  @Test
  @DisplayName("the console's audit panel names every area the CSV names, in the same words")
  void consoleNamesTheSameAreas() throws IOException {
    String messages = Files.readString(Path.of("kiosk-ui/console/admin-messages.js"));
    String panel = Files.readString(Path.of("kiosk-ui/console/audit-panel.js"));
    AuditCsv.AREAS.forEach((area, label) -> {
      assertTrue(messages.contains("'audit.area." + area + "': '" + label + "'"), "no label " + label + " for " + area);
      assertTrue(panel.contains("'" + area + "'"), "the panel cannot filter by " + area);
    });
  }

  private static List<CSVRecord> read(String csv) throws IOException {
    String withoutBom = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    return CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(withoutBom))
        .getRecords();
  }
}
