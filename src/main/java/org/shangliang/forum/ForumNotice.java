package org.shangliang.forum;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The text of the year's honours on the boards: the three lists as shown, names and titles only. */
final class ForumNotice {
  private ForumNotice() {
  }

  static String title(int year) {
    return "邻里协商论坛 " + year + " 年表彰";
  }

  static String body(JsonObject shown) {
    StringBuilder text = new StringBuilder();
    section(text, "优秀人民调解员", shown.getJsonArray("mediators"));
    section(text, "十佳议事员", shown.getJsonArray("councillors"));
    section(text, "典型案例", shown.getJsonArray("cases"));
    return text.toString().strip();
  }

  private static void section(StringBuilder text, String heading, JsonArray entries) {
    text.append(heading).append('\n');
    if (entries.isEmpty()) {
      text.append("（暂无）\n");
    }
    entries.forEach(o -> {
      JsonObject e = (JsonObject) o;
      text.append(e.getInteger("rank")).append(". ").append(e.getString("name")).append('\n');
    });
    text.append('\n');
  }
}
