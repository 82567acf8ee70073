package org.shangliang.request;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public title alone: what a default is made of, and which titles staff may not give. */
class PublicTitlesTest {
  static JsonObject where(String building) {
    return new JsonObject().put("gridId", "000000000000000000001001").put("gridName", "第一网格").put("building", building);
  }

  @Test
  @DisplayName("a default title is the kind, the grid and a building number, and leaves out a place typed as free text")
  void defaultTitle() {
    assertEquals("楼院设施 · 第一网格 · 3号楼", PublicTitles.defaultTitle("楼院设施", where("3号楼")));
    assertEquals("楼院设施 · 第一网格", PublicTitles.defaultTitle("楼院设施", where(null)));
    for (String typed : List.of("3栋2单元501 张秀英", "5号楼北侧", "13812345678", "0号楼", "3号楼 ")) {
      assertEquals("楼院设施 · 第一网格", PublicTitles.defaultTitle("楼院设施", where(typed)), typed);
      assertNull(PublicTitles.building(where(typed)), typed);
    }
    assertEquals("其他", PublicTitles.defaultTitle("其他", null));
    String longGrid = "网".repeat(70);
    assertEquals(PublicTitles.MAX_LENGTH, PublicTitles.defaultTitle("其他", new JsonObject().put("gridName", longGrid)).length());
  }

  @Test
  @DisplayName("a request filed before titles existed is named by its default; a title staff gave wins")
  void titleOfARequest() {
    JsonObject old = new JsonObject().put("kind", "环境卫生").put("what", "张秀英家门口垃圾").put("where", where("7号楼"));
    assertEquals("环境卫生 · 第一网格 · 7号楼", PublicTitles.of(old));
    assertTrue(PublicTitles.isDefault(old));
    JsonObject named = old.copy().put("publicTitle", "7号楼垃圾清运");
    assertEquals("7号楼垃圾清运", PublicTitles.of(named));
    assertFalse(PublicTitles.isDefault(named));
  }

  @Test
  @DisplayName("a title is tidied to one line; empty, too long, broken lines and phone or ID numbers are refused")
  void checkedTitles() {
    assertEquals("3号楼 楼道照明", PublicTitles.checked("  3号楼   楼道照明 "));
    assertEquals("2026年11月 502室漏水协商", PublicTitles.checked("2026年11月 502室漏水协商"));
    for (String bad : List.of("", "   ", "长".repeat(61), "楼道\n照明", "楼道\t照明")) {
      Failure refused = assertThrows(Failure.class, () -> PublicTitles.checked(bad), bad);
      assertEquals(ErrorCode.BAD_REQUEST, refused.code());
    }
    for (String personal : List.of("请联系13812345678", "电话 138 1234 5678", "座机 8765-4321",
        "身份证110101195003071234", "１３８１２３４５６７８")) {
      Failure refused = assertThrows(Failure.class, () -> PublicTitles.checked(personal), personal);
      assertEquals(ErrorCode.PUBLIC_TITLE_PERSONAL, refused.code(), personal);
    }
  }
}
