package org.shangliang.qr;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.support.Await;
import org.shangliang.support.ScratchFolders;
import org.shangliang.support.TestServer;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QrTokensTest {
  static final String NOTICE = "0000000000000000000000aa";
  static final String DISPLAY = "0000000000000000000000bb";
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static void refused(QrTokens tokens, String token) {
    Failure f = assertThrows(Failure.class, () -> tokens.verify(token, QrTokens.Purpose.FEEDBACK));
    assertEquals(ErrorCode.TOKEN_INVALID, f.code());
  }

  @Test
  @DisplayName("a token names its notice and display, and the key survives a restart")
  void roundTripAndStableKey() throws Exception {
    QrTokens tokens = server.app.tokens();
    String token = tokens.sign(QrTokens.Purpose.FEEDBACK, NOTICE, DISPLAY);
    QrTokens.Signed signed = tokens.verify(token, QrTokens.Purpose.FEEDBACK);
    assertEquals(NOTICE, signed.first());
    assertEquals(DISPLAY, signed.second());
    assertEquals(token, Await.result(QrTokens.load(server.app.db())).sign(QrTokens.Purpose.FEEDBACK, NOTICE, DISPLAY));
  }

  @Test
  @DisplayName("altered, re-signed, truncated, wrong-purpose and foreign tokens are all refused")
  void forgeriesAreRefused() throws Exception {
    QrTokens tokens = server.app.tokens();
    String token = tokens.sign(QrTokens.Purpose.FEEDBACK, NOTICE, DISPLAY);
    String payload = token.substring(0, token.indexOf('.'));
    String signature = token.substring(token.indexOf('.') + 1);
    byte[] bytes = Base64.getUrlDecoder().decode(payload);
    bytes[24] ^= 1; // another display
    refused(tokens, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + signature);
    refused(tokens, payload + "." + signature.substring(1));
    refused(tokens, payload);
    refused(tokens, "");
    refused(tokens, null);
    refused(tokens, "<script>alert(1)</script>.x");
    refused(tokens, tokens.sign(QrTokens.Purpose.JOIN, NOTICE, DISPLAY));
    try (TestServer other = TestServer.start(ScratchFolders.create("other-key"), 0)) {
      String foreign = other.app.tokens().sign(QrTokens.Purpose.FEEDBACK, NOTICE, DISPLAY);
      assertNotEquals(token, foreign);
      refused(tokens, foreign);
    }
  }
}
