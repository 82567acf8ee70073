package org.shangliang.minutes;

import io.vertx.core.json.JsonObject;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The minutes as a Word document, read back with POI as Word would open it. */
class MinutesDocxTest {

  static XWPFDocument open(byte[] bytes) throws Exception {
    return new XWPFDocument(new ByteArrayInputStream(bytes));
  }

  static String text(XWPFDocument doc) {
    try (XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> cells(XWPFTableRow row) {
    return row.getTableCells().stream().map(c -> c.getText().strip()).toList();
  }

  /** The tables whose header is exactly {@code header}. */
  static List<XWPFTable> tablesHeaded(List<XWPFTable> tables, List<String> header) {
    return tables.stream().filter(t -> cells(t.getRow(0)).equals(header)).toList();
  }

  @Test
  @DisplayName("every section of the minutes is in the document as Chinese text: matters, summary, motions, roll call, resolution, corrections")
  void everySectionInChinese() throws Exception {
    try (XWPFDocument doc = open(MinutesDocx.write(MinutesFixture.minutes()))) {
      String text = text(doc);
      for (String expected : List.of("会议记录", "3号楼加装电梯及楼道堆物协商议事会", "幸福里社区", "有事好商量协商议事室",
          "2025-11-28 09:32 至 11:35", "李书记、王网格员", "刘社工", MinutesFixture.ELEVATOR,
          MinutesFixture.CLUTTER + MinutesFixture.MARKUP, MinutesFixture.NAMED_MOTION, MinutesFixture.SECRET_MOTION,
          MinutesFixture.RESPONSIBLE, MinutesFixture.ADDENDUM, "记名表决", "无记名表决", "按实际投票数",
          "两位代表临时有事离场", "赞成 4 票，未超过应到有表决权人数 8 人的半数", "2025-12-28", MinutesFixture.WALK_IN,
          "孙大爷（10:31:00）", "3分35秒", "草稿")) {
        assertTrue(text.contains(expected), "the document holds " + expected);
      }
      String summary = MinutesFixture.SUMMARY.split("\n")[0];
      assertEquals(3, text.split(summary, -1).length - 1, "the summary, three times as long as its paragraph, is whole");
      assertTrue(text.contains(MinutesFixture.MARKUP), "markup-like text stays text");
    }
  }

  @Test
  @DisplayName("the named vote carries its roll call with each choice; the secret vote has none")
  void rollCallOnlyForTheNamedVote() throws Exception {
    try (XWPFDocument doc = open(MinutesDocx.write(MinutesFixture.minutes()))) {
      List<XWPFTable> rollCalls = tablesHeaded(doc.getTables(), List.of("序号", "姓名", "表决意见"));
      assertEquals(1, rollCalls.size(), "one roll call: the named vote's");
      List<List<String>> rows = rollCalls.get(0).getRows().stream().skip(1).map(MinutesDocxTest::cells).toList();
      assertEquals(MinutesFixture.ROLL_CALL, rows.stream().map(r -> r.get(1)).toList());
      assertEquals(List.of("赞成", "赞成", "赞成", "赞成", "赞成", "赞成", "反对", "弃权"), rows.stream().map(r -> r.get(2)).toList());

      List<XWPFTable> secondMatter = tablesAfter(doc, "议题二");
      assertFalse(secondMatter.isEmpty());
      assertTrue(tablesHeaded(secondMatter, List.of("序号", "姓名", "表决意见")).isEmpty(), "no roll call in the secret vote's matter");
      String secondText = String.join("\n", secondMatter.stream().map(XWPFTable::getText).toList());
      for (String name : List.of("王阿姨", "钱大姐", "冯奶奶")) {
        assertFalse(secondText.contains(name), name + " voted only in the named vote and spoke only on the first matter");
      }
    }
  }

  @Test
  @DisplayName("the page is A4 and each page's footer numbers it with a PAGE field; a draft says 草稿 on every page, approved minutes do not")
  void a4WithPageNumbers() throws Exception {
    try (XWPFDocument doc = open(MinutesDocx.write(MinutesFixture.minutes()))) {
      CTPageSz size = doc.getDocument().getBody().getSectPr().getPgSz();
      assertEquals(11906, Integer.parseInt(size.getW().toString()));
      assertEquals(16838, Integer.parseInt(size.getH().toString()));
      assertFalse(doc.getFooterList().isEmpty());
      List<String> fields = doc.getFooterList().get(0).getParagraphs().stream()
          .flatMap(p -> p.getCTP().getFldSimpleList().stream()).map(f -> f.getInstr().strip()).toList();
      assertTrue(fields.contains("PAGE"), "fields in the footer: " + fields);
      assertTrue(doc.getHeaderList().get(0).getText().contains("草稿"));
      assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().startsWith("草稿（未经审定")), "the draft says so under its title");
    }
    JsonObject approved = MinutesFixture.minutes().put("status", "APPROVED").put("approvedAt", MinutesFixture.OPENED + 2 * 24 * 60 * MinutesFixture.MINUTE)
        .put("approvedBy", MinutesFixture.person("cadre", "李书记"));
    try (XWPFDocument doc = open(MinutesDocx.write(approved))) {
      assertFalse(text(doc).contains("草稿"));
      assertTrue(text(doc).contains("审定：李书记　2025-11-30 09:30"));
    }
  }

  @Test
  @DisplayName("Chinese runs carry an East Asian font, and each matter after the first starts a new page")
  void chineseFontAndPageBreaks() throws Exception {
    try (XWPFDocument doc = open(MinutesDocx.write(MinutesFixture.minutes()))) {
      XWPFParagraph title = doc.getParagraphs().stream().filter(p -> p.getText().equals("会议记录")).findFirst().orElseThrow();
      assertEquals("SimSun", title.getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia));
      assertFalse(heading(doc, "议题一").isPageBreak());
      assertTrue(heading(doc, "议题二").isPageBreak());
    }
  }

  @Test
  @DisplayName("a read-only account's document names no attendee; minutes with missing or null fields still make a document")
  void viewerAndSparseMinutes() throws Exception {
    try (XWPFDocument doc = open(MinutesDocx.write(MinutesPrivacy.forViewer(MinutesFixture.minutes())))) {
      String text = text(doc);
      for (String name : List.of("王阿姨", "赵师傅", "孙大爷", "陈先生", MinutesFixture.WALK_IN)) {
        assertFalse(text.contains(name), name);
      }
      assertTrue(text.contains(MinutesFixture.NAMED_MOTION) && text.contains("李书记"), "the rest stays, hosts included");
    }
    JsonObject sparse = new JsonObject().put("_id", MinutesFixture.MEETING).put("status", "DRAFT").putNull("title")
        .putNull("recorder").putNull("attendance").put("timeZone", "Mars/Olympus")
        .put("matters", new io.vertx.core.json.JsonArray().add(new JsonObject().put("title", "只有标题").putNull("votes")
            .putNull("speechSeconds").putNull("resolution")));
    try (XWPFDocument doc = open(MinutesDocx.write(sparse))) {
      assertTrue(text(doc).contains("只有标题"));
    }
  }

  static XWPFParagraph heading(XWPFDocument doc, String prefix) {
    return doc.getParagraphs().stream().filter(p -> p.getText().startsWith(prefix)).findFirst().orElseThrow();
  }

  /** The tables that come after the paragraph starting with {@code prefix}. */
  static List<XWPFTable> tablesAfter(XWPFDocument doc, String prefix) {
    List<XWPFTable> found = new ArrayList<>();
    boolean after = false;
    for (IBodyElement element : doc.getBodyElements()) {
      if (element instanceof XWPFParagraph p && p.getText().startsWith(prefix)) {
        after = true;
      } else if (after && element instanceof XWPFTable t) {
        found.add(t);
      }
    }
    return found;
  }
}
