package org.shangliang.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.Locator;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** QR codes on our pages, read the way a phone would: the server's PNG decoded with ZXing. */
public final class QrImages {
  private QrImages() {
  }

  /** The text a token's QR image encodes. */
  public static String decode(String baseUrl, String token) throws Exception {
    HttpResponse<byte[]> png = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/qr/" + token + ".png")).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, png.statusCode());
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
        new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png.body())))));
    // the server's image is a perfect code (8 px modules, a quiet zone): read as such, the finder
    // patterns are not searched for, which otherwise misses a rare code that a camera reads fine
    return new MultiFormatReader().decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE,
        com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
  }

  /** The token of a QR image on a page: its src is /qr/<token>.svg. */
  public static String tokenOf(Locator img) {
    String src = img.getAttribute("src");
    assertTrue(src.startsWith("/qr/") && src.endsWith(".svg"), src);
    return src.substring("/qr/".length(), src.length() - ".svg".length());
  }

  /** The phone page an image's code leads to (its path starts with prefix), as a test browser opens it. */
  public static String urlIn(String baseUrl, Locator img, String prefix) throws Exception {
    String token = tokenOf(img);
    String url = decode(baseUrl, token);
    assertTrue(url.endsWith(prefix + token), url);
    return url.replace("http://localhost:", "http://127.0.0.1:");
  }
}
