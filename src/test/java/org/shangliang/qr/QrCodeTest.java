package org.shangliang.qr;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.app.DemoData;
import org.shangliang.support.TestServer;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** QR images as the server draws them, read back with ZXing's own decoder and followed. */
class QrCodeTest {
  static final String WELCOME = "000000000000000000003001";
  static TestServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static Result decode(BufferedImage image) throws Exception {
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
        Map.of(DecodeHintType.TRY_HARDER, true));
  }

  static BufferedImage png(String path) throws Exception {
    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals("image/png", response.headers().firstValue("content-type").orElse(""));
    return ImageIO.read(new ByteArrayInputStream(response.body()));
  }

  @Test
  @DisplayName("a notice's QR image decodes to our origin plus its token, at error correction H, and the URL opens the phone page")
  void qrDecodesToWorkingUrl() throws Exception {
    String token = server.app.tokens().sign(QrTokens.Purpose.FEEDBACK, WELCOME, DemoData.BOARD_1);
    Result result = decode(png("/qr/" + token + ".png"));
    assertEquals(server.app.publicUrl() + "/f/" + token, result.getText());
    assertEquals("H", result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
    String url = result.getText().replace(server.app.publicUrl(), server.baseUrl());
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/feedback/" + token)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, form.statusCode(), form.body());
    assertTrue(form.body().contains("有事好商量"));
  }

  @Test
  @DisplayName("a QR code with a fifth of its area scuffed off still decodes")
  void scuffedCodeStillDecodes() throws Exception {
    String token = server.app.tokens().sign(QrTokens.Purpose.FEEDBACK, WELCOME, DemoData.BOARD_2);
    BufferedImage image = png("/qr/" + token + ".png");
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    int size = image.getWidth();
    // a smear across the middle of the lower right, clear of the three finder patterns
    g.fillRect(size * 45 / 100, size * 55 / 100, size * 30 / 100, size * 12 / 100);
    g.dispose();
    BufferedImage gray = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    gray.getGraphics().drawImage(image, 0, 0, null);
    assertEquals(server.app.publicUrl() + "/f/" + token, decode(gray).getText());
  }

  @Test
  @DisplayName("the SVG form is one small path and a forged token gets no image at all")
  void svgAndForgedTokens() throws Exception {
    String token = server.app.tokens().sign(QrTokens.Purpose.JOIN, DemoData.ROOM_ID, DemoData.MEETING_ID);
    HttpResponse<String> svg = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/qr/" + token + ".svg")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, svg.statusCode());
    assertEquals("image/svg+xml", svg.headers().firstValue("content-type").orElse(""));
    assertTrue(svg.body().startsWith("<svg") && svg.body().contains("<path"));
    assertTrue(svg.body().length() < 20_000, "svg of " + svg.body().length() + " bytes");
    String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/qr/" + forged + ".svg")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("TOKEN_INVALID"));
  }
}
