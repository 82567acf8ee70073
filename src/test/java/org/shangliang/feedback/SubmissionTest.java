package org.shangliang.feedback;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-rating-per-phone rule as plain data: which entry a submission lands in and how it changes it. */
class SubmissionTest {
  static final String NOTICE = "000000000000000000003001";
  static final String OTHER_NOTICE = "000000000000000000003002";
  static final String BOARD = "000000000000000000002001";
  static final String COOKIE = "Yq3v0c1Gd6kV9n2xT8bHfLpR";

  static Submission submission(String rating, String comment, String contact, long at) {
    JsonObject body = new JsonObject().put("rating", rating).put("comment", comment).put("phone", contact);
    return Submission.of(NOTICE, BOARD, COOKIE, body, at);
  }

  @Test
  @DisplayName("a phone's entry id is 24 hex digits, the same for each of its submissions on a notice and different on another notice")
  void entryIds() {
    String id = Submission.entryId(NOTICE, COOKIE);
    assertTrue(id.matches("[0-9a-f]{24}"), id);
    assertEquals(id, submission("BASIC", null, null, 1).entryId());
    assertNotEquals(id, Submission.entryId(OTHER_NOTICE, COOKIE));
    assertNotEquals(id, Submission.entryId(NOTICE, COOKIE + "x"));
    assertFalse(submission("BASIC", null, null, 1).firstEntry().encode().contains(COOKIE));
  }

  @Test
  @DisplayName("a changed rating is kept as from and to with its time and asks staff to look again")
  void changedRating() {
    JsonObject entry = submission("UNSATISFIED", "灯不亮", "13800001234", 1000).firstEntry().put("handled", true);
    JsonObject update = submission("SATISFIED", null, null, 2000).replacing(entry);
    JsonObject set = update.getJsonObject("$set");
    assertEquals("SATISFIED", set.getString("rating"));
    assertEquals(2L, set.getLong("version"));
    assertFalse(set.getBoolean("handled"));
    assertFalse(set.containsKey("phone"), "an absent number keeps the one given before");
    JsonObject change = update.getJsonObject("$push").getJsonObject("changes").getJsonArray("$each").getJsonObject(0);
    assertEquals(new JsonObject().put("from", "UNSATISFIED").put("to", "SATISFIED").put("at", 2000L), change);
    assertNull(update.getJsonObject("$push").getValue("comments"));
  }

  @Test
  @DisplayName("the same rating again with a comment adds the comment but records no change")
  void sameRatingWithComment() {
    JsonObject entry = submission("BASIC", null, null, 1000).firstEntry();
    assertEquals(new JsonArray(), entry.getJsonArray("comments"));
    JsonObject update = submission("BASIC", "  还有一件事  ", null, 2000).replacing(entry);
    assertNull(update.getJsonObject("$push").getValue("changes"));
    JsonObject comments = update.getJsonObject("$push").getJsonObject("comments");
    assertEquals("还有一件事", comments.getJsonArray("$each").getJsonObject(0).getString("text"));
    assertEquals(-Submission.KEPT, comments.getInteger("$slice"));
  }

  @Test
  @DisplayName("the same rating again without a comment changes nothing staff need to read")
  void sameRatingAlone() {
    JsonObject entry = submission("BASIC", null, null, 1000).firstEntry().put("handled", true);
    JsonObject update = submission("BASIC", "", null, 2000).replacing(entry);
    assertFalse(update.containsKey("$push"));
    assertFalse(update.getJsonObject("$set").containsKey("handled"));
  }
}
