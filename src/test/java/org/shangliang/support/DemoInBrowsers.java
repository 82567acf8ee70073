package org.shangliang.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A browser test of its own demo server: the server with the demo and Chromium, both fresh for each test. */
public abstract class DemoInBrowsers {
  protected TestServer server;
  protected Browsers browsers;

  @BeforeEach
  void startServerAndBrowsers() throws Exception {
    server = TestServer.start();
    browsers = new Browsers();
  }

  @AfterEach
  void stopServerAndBrowsers() throws Exception {
    browsers.close();
    server.close();
  }
}
