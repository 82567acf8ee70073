package org.shangliang.common;

import io.vertx.core.buffer.Buffer;

/** Image types told by a file's own first bytes, never by what an uploader claims. */
public final class ImageTypes {
  private ImageTypes() {
  }

  /** The image type by its magic number, or null for anything else. */
  public static String sniff(Buffer b) {
    if (b.length() >= 8 && (b.getByte(0) & 0xFF) == 0x89 && b.getByte(1) == 'P' && b.getByte(2) == 'N' && b.getByte(3) == 'G') {
      return "image/png";
    }
    if (b.length() >= 3 && (b.getByte(0) & 0xFF) == 0xFF && (b.getByte(1) & 0xFF) == 0xD8 && (b.getByte(2) & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length() >= 12 && b.getString(0, 4).equals("RIFF") && b.getString(8, 12).equals("WEBP")) {
      return "image/webp";
    }
    return null;
  }
}
