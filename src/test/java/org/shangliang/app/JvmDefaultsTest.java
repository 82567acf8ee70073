package org.shangliang.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JvmDefaultsTest {
  @Test
  @DisplayName("a node turns Netty's Flight Recorder events off when nobody set them")
  void nettyRecorderEventsOffByDefault() {
    Properties properties = new Properties();
    JvmDefaults.applyTo(properties);
    assertEquals("false", properties.getProperty("io.netty.jfr.enabled"));
  }

  @Test
  @DisplayName("an operator's own -D wins over the node's default")
  void operatorsSettingWins() {
    Properties properties = new Properties();
    properties.setProperty("io.netty.jfr.enabled", "true");
    JvmDefaults.applyTo(properties);
    assertEquals("true", properties.getProperty("io.netty.jfr.enabled"));
  }
}
