package org.shangliang.plan;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import org.bson.types.ObjectId;
import org.shangliang.member.MemberStore;
import org.shangliang.room.Attendee;
import org.shangliang.room.AttendeeKind;
import org.shangliang.room.Matter;
import org.shangliang.room.MeetingPlan;
import org.shangliang.room.RoomStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who a meeting invites: the active members of the kinds it invites, or that one of its matters
 * invites ("专业的问题请专业的人"), and the members named one by one.
 * The invited are the meeting's attendees (each with the {@code memberId} of the member), so the
 * kiosks' check-in list is the invited list plus walk-ins, and the quorum counts them. Changing
 * the invitation adds the newly invited and removes those no longer invited who have not checked in.
 */
final class Invitations {
  private final MongoClient mongo;
  private final MemberStore members;

  Invitations(MongoClient mongo) {
    this.mongo = mongo;
    this.members = new MemberStore(mongo);
  }

  /** The members a plan and its agenda invite, by id, each with the kind they are invited as. */
  Future<Map<String, Invitee>> invitees(MeetingPlan plan, List<Matter> agenda) {
    Set<String> kinds = new LinkedHashSet<>(plan.invitedKinds());
    agenda.forEach(m -> kinds.addAll(m.setup().invitedKinds()));
    if (kinds.isEmpty() && plan.invitedMembers().isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<String> invitedKinds = List.copyOf(kinds);
    JsonObject byKind = new JsonObject().put("kinds", new JsonObject().put("$in", new JsonArray(invitedKinds)));
    JsonObject byId = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(plan.invitedMembers())));
    JsonObject query = new JsonObject().put("active", new JsonObject().put("$ne", false))
        .put("$or", new JsonArray().add(byKind).add(byId));
    return members.find(query, 2000).map(found -> {
      Map<String, Invitee> invited = new LinkedHashMap<>();
      found.forEach(m -> invited.put(m.getString("_id"), new Invitee(m.getString("_id"), m.getString("name"),
          kindOf(m.getJsonArray("kinds", new JsonArray()), invitedKinds))));
      return invited;
    });
  }

  /** Brings the meeting's invited attendees in line with the plan; walk-ins and anyone checked in stay. */
  Future<Void> sync(String meetingId, MeetingPlan plan, List<Matter> agenda) {
    return Future.all(invitees(plan, agenda), mongo.find(RoomStore.ATTENDEES, new JsonObject().put("meetingId", meetingId)))
        .compose(read -> {
          Map<String, Invitee> wanted = read.resultAt(0);
          List<JsonObject> present = read.resultAt(1);
          Set<String> already = new HashSet<>();
          List<BulkOperation> writes = new ArrayList<>();
          for (JsonObject a : present) {
            String memberId = a.getString("memberId");
            if (memberId != null) {
              already.add(memberId);
            }
            boolean uninvited = !a.getBoolean("walkIn", false) && (memberId == null || !wanted.containsKey(memberId));
            if (uninvited && a.getLong("checkedInAt") == null) {
              writes.add(BulkOperation.createDelete(new JsonObject().put("_id", a.getString("_id"))
                  .put("checkedInAt", null)));
            }
          }
          wanted.values().stream().filter(i -> !already.contains(i.memberId()))
              .forEach(i -> writes.add(BulkOperation.createInsert(i.attendeeOf(meetingId))));
          return writes.isEmpty() ? Future.succeededFuture() : mongo.bulkWrite(RoomStore.ATTENDEES, writes).mapEmpty();
        });
  }

  /** The first of the member's kinds that the meeting invites; else their first kind. */
  static AttendeeKind kindOf(JsonArray memberKinds, List<String> invitedKinds) {
    List<String> kinds = memberKinds.stream().map(String::valueOf).toList();
    String kind = kinds.stream().filter(invitedKinds::contains).findFirst()
        .orElse(kinds.isEmpty() ? AttendeeKind.RESIDENT_REP.name() : kinds.get(0));
    return AttendeeKind.valueOf(kind);
  }

  /** One invited member, as they become an attendee of the meeting. */
  record Invitee(String memberId, String name, AttendeeKind kind) {
    JsonObject attendeeOf(String meetingId) {
      return new Attendee(new ObjectId().toHexString(), meetingId, name, kind, false, null, null).toDocument()
          .put("memberId", memberId);
    }
  }
}
