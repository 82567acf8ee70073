package org.shangliang.plan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.room.MajorityBase;
import org.shangliang.room.Matter;
import org.shangliang.room.MatterSetup;
import org.shangliang.room.Meeting;
import org.shangliang.room.MeetingPlan;
import org.shangliang.room.Quorum;
import org.shangliang.room.VoteRules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A meeting as staff plan it in the console ({@code saveMeeting}), read into the room's own types.
 * The schema has checked shapes and lengths; this checks what a schema cannot: vote rules that can
 * be kept, and that a matter already on the agenda keeps its identity (and a topic from a
 * resident's request keeps its place, since the request follows it).
 */
record MeetingForm(String roomId, String title, MeetingPlan plan, Quorum quorum, List<Matter> agenda) {
  /** Half of those invited must be present, unless the plan says otherwise. */
  static final Quorum DEFAULT_QUORUM = new Quorum(null, 0.5, false);

  static MeetingForm read(JsonObject body, Meeting before) {
    MeetingPlan plan = new MeetingPlan(body.getLong("startsAt"), strings(body.getJsonArray("hosts")),
        strings(body.getJsonArray("forms")), strings(body.getJsonArray("invitedKinds")),
        strings(body.getJsonArray("invitedMembers")), strings(body.getJsonArray("gridIds")));
    return new MeetingForm(body.getString("roomId"), body.getString("title").strip(), plan, quorum(body.getJsonObject("quorum")),
        agenda(body.getJsonArray("agenda", new JsonArray()), before));
  }

  private static Quorum quorum(JsonObject json) {
    if (json == null) {
      return DEFAULT_QUORUM;
    }
    if (json.containsKey("count") && json.containsKey("fraction")) {
      throw new Failure(ErrorCode.BAD_REQUEST, "法定人数只能是人数或比例之一");
    }
    return Quorum.fromJson(json);
  }

  private static List<Matter> agenda(JsonArray items, Meeting before) {
    Map<String, Matter> earlier = new HashMap<>();
    if (before != null) {
      before.agenda().forEach(m -> earlier.put(m.id(), m));
    }
    List<Matter> agenda = new ArrayList<>();
    for (Object item : items) {
      JsonObject m = (JsonObject) item;
      String id = m.getString("id");
      if (id != null && !earlier.containsKey(id)) {
        throw new Failure(ErrorCode.NOT_FOUND, "议程里没有这个议题：" + m.getString("title"));
      }
      Matter kept = id == null ? null : earlier.remove(id);
      agenda.add(matter(m, kept));
    }
    earlier.values().stream().filter(MeetingForm::cameFromRequest).findFirst().ifPresent(m -> {
      throw new Failure(ErrorCode.MATTER_FROM_REQUEST, "议题「" + m.title() + "」来自居民诉求，不能从议程中删去");
    });
    return agenda;
  }

  private static Matter matter(JsonObject m, Matter kept) {
    JsonObject vote = m.getJsonObject("vote", new JsonObject());
    VoteRules rules = VoteRules.requested(new JsonObject()
        .put("secret", vote.getBoolean("secret", false)).put("walkInsVote", vote.getBoolean("walkInsVote", false))
        .put("liveTally", vote.getBoolean("liveTally", !vote.getBoolean("secret", false)))
        .put("base", vote.getString("base", MajorityBase.FOR_AGAINST.name()))
        .put("minimumBallots", vote.getInteger("minimumBallots")));
    // a topic keeps where it came from (a resident's request follows its matter) unless staff name it anew
    JsonObject source = kept != null && kept.setup().source() != null && cameFromRequest(kept) ? kept.setup().source()
        : m.getString("source") == null ? null : new JsonObject().put("kind", m.getString("source"));
    MatterSetup setup = new MatterSetup(m.getBoolean("firstTimeFirst", true), strings(m.getJsonArray("invitedKinds")), source);
    return new Matter(kept != null ? kept.id() : new ObjectId().toHexString(), m.getString("title").strip(),
        m.getInteger("speechSeconds", Matter.DEFAULT_SPEECH_SECONDS),
        m.getInteger("speechesPerPerson", Matter.DEFAULT_SPEECHES_PER_PERSON), rules, setup);
  }

  static boolean cameFromRequest(Matter matter) {
    JsonObject source = matter.setup().source();
    return source != null && source.getString("requestId") != null;
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
