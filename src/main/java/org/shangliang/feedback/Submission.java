package org.shangliang.feedback;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.Secrets;

/**
 * One phone's rating of one notice, as the rule "one rating per phone per notice" stores it: every
 * submission of a phone on a notice lands in the same entry, whose rating is the latest; the ratings
 * it replaced and every comment are kept in the entry, so staff see what changed and rates count
 * the phone once.
 */
record Submission(String entryId, String noticeId, String displayId, String rating, String comment, String contact,
                  long at) {
  /** Earlier ratings and comments kept per entry: a phone may send 5 per 10 minutes, for weeks. */
  static final int KEPT = 20;

  static Submission of(String noticeId, String displayId, String phoneCookie, JsonObject body, long at) {
    return new Submission(entryId(noticeId, phoneCookie), noticeId, displayId, body.getString("rating"),
        blankToNull(body.getString("comment")), blankToNull(body.getString("phone")), at);
  }

  /**
   * The entry of this phone on this notice. Neither the cookie nor its own hash is stored: the id
   * hashes both together, so the entries of one phone on two notices have nothing in common. 24 hex
   * digits like every id of the API; 96 bits keep two phones on one notice apart.
   */
  static String entryId(String noticeId, String phoneCookie) {
    return Secrets.digest("feedback\u0000" + noticeId + "\u0000" + phoneCookie).substring(0, 24);
  }

  /** The entry as the phone's first rating of the notice creates it. */
  JsonObject firstEntry() {
    JsonArray comments = new JsonArray();
    if (comment != null) {
      comments.add(commentItem());
    }
    return new JsonObject().put("_id", entryId).put("noticeId", noticeId).put("displayId", displayId)
        .put("rating", rating).put("firstAt", at).put("at", at).put("version", 1L)
        .put("changes", new JsonArray()).put("comments", comments).put("phone", contact).put("handled", false);
  }

  /** Matches the entry only as it was read, so of two submissions racing, one writes and one reads again. */
  static JsonObject sameVersion(JsonObject entry) {
    return new JsonObject().put("_id", entry.getString("_id")).put("version", entry.getValue("version"));
  }

  /**
   * The update that makes this the entry's rating. A changed rating is kept as {@code {from, to, at}};
   * the same rating again is no change. Something new to read (a changed rating or a comment) asks
   * staff to look again; a contact number is kept until a newer one is given.
   */
  JsonObject replacing(JsonObject entry) {
    boolean changed = !rating.equals(entry.getString("rating"));
    JsonObject set = new JsonObject().put("rating", rating).put("displayId", displayId).put("at", at)
        .put("version", entry.getLong("version", 0L) + 1);
    if (contact != null) {
      set.put("phone", contact);
    }
    JsonObject push = new JsonObject();
    if (changed) {
      push.put("changes", kept(new JsonObject().put("from", entry.getString("rating")).put("to", rating).put("at", at)));
    }
    if (comment != null) {
      push.put("comments", kept(commentItem()));
    }
    if (changed || comment != null) {
      set.put("handled", false).putNull("handledBy").putNull("handledAt");
    }
    JsonObject update = new JsonObject().put("$set", set);
    return push.isEmpty() ? update : update.put("$push", push);
  }

  private JsonObject commentItem() {
    return new JsonObject().put("text", comment).put("at", at);
  }

  private static JsonObject kept(JsonObject item) {
    return new JsonObject().put("$each", new JsonArray().add(item)).put("$slice", -KEPT);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
