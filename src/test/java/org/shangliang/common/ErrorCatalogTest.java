package org.shangliang.common;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every error code the server can answer is worded for the pages in Chinese and English and listed
 * in docs/API.md's error table, and no two codes share a number: many areas add codes, and a page
 * that meets a code it cannot word shows only the code.
 */
class ErrorCatalogTest {
  @Test
  @DisplayName("each ErrorCode has Chinese and English page texts, a row in docs/API.md, and a number of its own")
  void everyCodeIsWordedAndDocumented() throws Exception {
    String messages = Files.readString(Path.of("kiosk-ui/common/error-messages.js"));
    String api = Files.readString(Path.of("docs/API.md"));
    Matcher key = Pattern.compile("'error\\.([A-Z_]+)'").matcher(messages);
    List<String> worded = new ArrayList<>();
    while (key.find()) {
      worded.add(key.group(1));
    }
    List<String> missing = new ArrayList<>();
    Set<Integer> numbers = new HashSet<>();
    for (ErrorCode code : ErrorCode.values()) {
      if (worded.stream().filter(code.name()::equals).count() < 2) {
        missing.add(code.name() + " has no Chinese and English text in error-messages.js");
      }
      if (!api.contains("| `" + code.name() + "` |")) {
        missing.add(code.name() + " has no row in docs/API.md");
      }
      if (!numbers.add(code.failureCode())) {
        missing.add(code.name() + " shares its number " + code.failureCode());
      }
    }
    assertEquals(List.of(), missing);
  }
}
