package org.shangliang.qr;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.UpdateOptions;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.store.Database;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The tokens printed in QR codes: what the code is for and two ids, signed with an HMAC whose key
 * lives in MongoDB, so every node signs and checks alike and a code made elsewhere never passes.
 * A token is short ({@code <payload>.<signature>}, 57 characters) to keep the QR code coarse.
 */
public final class QrTokens {
  static final String SETTINGS = "settings";
  static final String KEY_ID = "qr-signing-key";
  private static final int ID_BYTES = 12;
  private static final int SIGNATURE_BYTES = 16;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** What a token lets its holder do. */
  public enum Purpose {
    /** Rate and comment a notice seen on a display: ids are the notice and the display. */
    FEEDBACK('F'),
    /** Ask to join a room's meeting by phone: ids are the room and the meeting. */
    JOIN('J'),
    /** Follow a resident's request and rate it: ids are the request and nothing (zeros). */
    STATUS('R'),
    /** File a request from a phone: ids are the grid and the display or poster showing the code. */
    REPORT('P'),
    /** Give one's view in a written or online round (书面协商, 网络协商): ids are the round and the member. */
    ROUND('O');

    private final char tag;

    Purpose(char tag) {
      this.tag = tag;
    }

    static Purpose of(byte tag) {
      for (Purpose p : values()) {
        if (p.tag == tag) {
          return p;
        }
      }
      return null;
    }
  }

  /** A token that passed its signature check. */
  public record Signed(Purpose purpose, String first, String second) {
  }

  /** A Mac per thread: creating one costs more than signing, and a publish signs once per board. */
  private final ThreadLocal<Mac> macs;

  private QrTokens(byte[] key) {
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** Reads the signing key, creating it on first start; concurrent first starts agree on one key. */
  public static Future<QrTokens> load(Database db) {
    byte[] candidate = new byte[32];
    new SecureRandom().nextBytes(candidate);
    JsonObject insertOnce = new JsonObject().put("$setOnInsert",
        new JsonObject().put("key", Base64.getEncoder().encodeToString(candidate)));
    JsonObject id = new JsonObject().put("_id", KEY_ID);
    return db.mongo().updateCollectionWithOptions(SETTINGS, id, insertOnce, new UpdateOptions().setUpsert(true))
        .compose(r -> db.durable())
        .compose(v -> db.mongo().findWithOptions(SETTINGS, id, new FindOptions().setLimit(1)))
        .map(docs -> new QrTokens(Base64.getDecoder().decode(docs.get(0).getString("key"))));
  }

  public String sign(Purpose purpose, String firstId, String secondId) {
    byte[] payload = new byte[1 + 2 * ID_BYTES];
    payload[0] = (byte) purpose.tag;
    System.arraycopy(HexFormat.of().parseHex(firstId), 0, payload, 1, ID_BYTES);
    System.arraycopy(HexFormat.of().parseHex(secondId), 0, payload, 1 + ID_BYTES, ID_BYTES);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature(payload));
  }

  /** The token's content, or TOKEN_INVALID for anything forged, altered, malformed or of another purpose. */
  public Signed verify(String token, Purpose expected) {
    Signed signed = parse(token);
    if (signed == null || signed.purpose() != expected) {
      throw new Failure(ErrorCode.TOKEN_INVALID);
    }
    return signed;
  }

  /** Like {@link #verify} for any purpose. */
  public Signed verifyAny(String token) {
    Signed signed = parse(token);
    if (signed == null) {
      throw new Failure(ErrorCode.TOKEN_INVALID);
    }
    return signed;
  }

  private Signed parse(String token) {
    if (token == null || token.length() > 80) {
      return null;
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return null;
    }
    try {
      byte[] payload = DECODER.decode(token.substring(0, dot));
      byte[] given = DECODER.decode(token.substring(dot + 1));
      // one spelling per token: base64 tolerates stray trailing bits, a token here does not
      boolean canonical = token.equals(ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(given));
      if (!canonical || payload.length != 1 + 2 * ID_BYTES || !MessageDigest.isEqual(given, signature(payload))) {
        return null;
      }
      Purpose purpose = Purpose.of(payload[0]);
      return purpose == null ? null : new Signed(purpose,
          HexFormat.of().formatHex(payload, 1, 1 + ID_BYTES),
          HexFormat.of().formatHex(payload, 1 + ID_BYTES, 1 + 2 * ID_BYTES));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private byte[] signature(byte[] payload) {
    byte[] full = macs.get().doFinal(payload);
    byte[] cut = new byte[SIGNATURE_BYTES];
    System.arraycopy(full, 0, cut, 0, SIGNATURE_BYTES);
    return cut;
  }
}
