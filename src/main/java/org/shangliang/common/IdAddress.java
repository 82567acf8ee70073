package org.shangliang.common;

/**
 * An event-bus address of one kind with an object id in it, {@code <prefix><24 hex digits><suffix>}
 * (a room's state, a display's signage). The same as the bridge's anchored pattern for that kind,
 * read without a regular expression: the bridge's hook asks this for every frame to every page,
 * and a matcher per frame was about a twentieth of what the server allocated in a vote.
 */
public record IdAddress(String prefix, String suffix) {
  private static final int ID_LENGTH = 24;

  /** The address for this id. */
  public String of(String id) {
    return prefix + id + suffix;
  }

  /** Whether the address is of this kind: the prefix, 24 lowercase hex digits, the suffix, nothing else. */
  public boolean matches(String address) {
    return address != null && address.length() == prefix.length() + ID_LENGTH + suffix.length()
        && address.startsWith(prefix) && address.endsWith(suffix) && isLowerHex(address, prefix.length());
  }

  /** The id in the address, or null if the address is not of this kind. */
  public String idOf(String address) {
    return matches(address) ? address.substring(prefix.length(), prefix.length() + ID_LENGTH) : null;
  }

  private static boolean isLowerHex(String text, int from) {
    for (int i = from; i < from + ID_LENGTH; i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
