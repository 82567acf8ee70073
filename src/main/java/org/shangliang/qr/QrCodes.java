package org.shangliang.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * QR images of a URL. Error correction H (about 30 % of the code may be lost) so a scuffed or
 * partly covered print still scans; a quiet zone of 4 modules as the standard asks.
 */
public final class QrCodes {
  private static final int QUIET_ZONE = 4;
  private static final int PNG_MODULE_PIXELS = 8;

  private QrCodes() {
  }

  static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
          EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H,
          EncodeHintType.MARGIN, QUIET_ZONE,
          EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode as QR: " + text.length() + " characters", e);
    }
  }

  /** An SVG of one path: each dark run of a row is one rectangle, so the file stays small. */
  public static String svg(String text) {
    BitMatrix m = matrix(text);
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y++) {
      int x = 0;
      while (x < m.getWidth()) {
        if (!m.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < m.getWidth() && m.get(x, y)) {
          x++;
        }
        path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
            .append(x - start).append('z');
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
  }

  public static byte[] png(String text) {
    BitMatrix m = matrix(text);
    int size = m.getWidth() * PNG_MODULE_PIXELS;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        image.setRGB(x, y, m.get(x / PNG_MODULE_PIXELS, y / PNG_MODULE_PIXELS) ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

}
