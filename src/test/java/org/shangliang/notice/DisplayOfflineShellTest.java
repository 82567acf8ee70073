package org.shangliang.notice;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The display page's offline cache (display-ui/sw.js) holds every module the page imports, also
 * those its imports import: a board reloaded while the server is away loads its code from there,
 * and one module missing fails the whole page.
 */
class DisplayOfflineShellTest {
  static final Path DISPLAY = Path.of("display-ui");
  static final Path COMMON = Path.of("kiosk-ui", "common");
  static final Pattern STATIC_IMPORT = Pattern.compile("(?m)^\\s*(?:import|export)\\b[^;]*?from\\s+'([^']+)'");
  static final Pattern SHELL = Pattern.compile("const SHELL = \\[(.*?)\\];", Pattern.DOTALL);
  static final Pattern QUOTED = Pattern.compile("'([^']+)'");

  @Test
  @DisplayName("every module the display page imports, directly or not, is in its offline shell")
  void shellHoldsEveryImportedModule() throws IOException {
    Set<String> shell = shell();
    Set<String> imported = importedFrom("/display/main.js");
    assertTrue(imported.contains("/common/eventbus.js") && imported.size() > 10, "the walk found the page's modules: " + imported);
    Set<String> missing = new TreeSet<>(imported);
    missing.removeAll(shell);
    assertEquals(Set.of(), missing, "modules the offline cache would not have");
  }

  static Set<String> shell() throws IOException {
    Matcher list = SHELL.matcher(Files.readString(DISPLAY.resolve("sw.js")));
    assertTrue(list.find(), "sw.js lists its SHELL");
    Set<String> paths = new LinkedHashSet<>();
    Matcher quoted = QUOTED.matcher(list.group(1));
    while (quoted.find()) {
      paths.add(quoted.group(1));
    }
    return paths;
  }

  /** The served paths of the module and of everything it imports, following the imports. */
  static Set<String> importedFrom(String start) throws IOException {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      String module = todo.poll();
      if (!seen.add(module)) {
        continue;
      }
      Matcher imports = STATIC_IMPORT.matcher(Files.readString(file(module)));
      while (imports.find()) {
        todo.add(resolve(module, imports.group(1)));
      }
    }
    return seen;
  }

  static String resolve(String from, String specifier) {
    if (specifier.startsWith("/")) {
      return specifier;
    }
    String dir = from.substring(0, from.lastIndexOf('/') + 1);
    return Path.of(dir + specifier).normalize().toString().replace('\\', '/');
  }

  /** Where a served module lives in the source tree: /display/ is display-ui, /common/ is kiosk-ui/common. */
  static Path file(String served) {
    if (served.startsWith("/display/")) {
      return DISPLAY.resolve(served.substring("/display/".length()));
    }
    if (served.startsWith("/common/")) {
      return COMMON.resolve(served.substring("/common/".length()));
    }
    throw new IllegalArgumentException("a module outside the display page's paths: " + served);
  }
}
