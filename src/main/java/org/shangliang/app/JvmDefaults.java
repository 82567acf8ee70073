package org.shangliang.app;

import java.util.Map;
import java.util.Properties;

/**
 * System properties a node sets before any library reads them. An operator's own {@code -D} wins:
 * a property already set is left as it is.
 */
final class JvmDefaults {
  /**
   * Netty's pooled allocator registers its Flight Recorder events with the JVM on its first chunk,
   * which sets up the whole recorder: 0.1–0.2 s of a start on two cores, on the path to UP
   * (docs/BENCHMARKS.md, "Cold start"). Nothing here records them; {@code -Dio.netty.jfr.enabled=true}
   * brings them back for a recording that wants them.
   */
  static final Map<String, String> DEFAULTS = Map.of("io.netty.jfr.enabled", "false");

  private JvmDefaults() {
  }

  static void applyTo(Properties properties) {
    DEFAULTS.forEach(properties::putIfAbsent);
  }
}
