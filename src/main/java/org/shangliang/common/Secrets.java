package org.shangliang.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (tokens, tickets, pairing and join secrets, cookies) and the check of a secret
 * against its stored SHA-256: the one place where both are made, so all are made alike.
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {
  }

  /** {@code bytes} random bytes in base64url without padding. */
  public static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /** A random number in [0, bound). */
  public static int randomBelow(int bound) {
    return RANDOM.nextInt(bound);
  }

  /** Whether the secret's digest is the stored one, compared in constant time. */
  public static boolean matches(String secret, String storedDigest) {
    return secret != null && storedDigest != null && MessageDigest.isEqual(
        digest(secret).getBytes(StandardCharsets.UTF_8), storedDigest.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of a secret, in hex: what is stored instead of the secret. */
  public static String digest(String token) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
