package org.shangliang.archive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.Identity;
import org.shangliang.member.MemberScope;
import org.shangliang.member.MemberStore;
import org.shangliang.request.PublicTitles;
import org.shangliang.room.BallotBoxes;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A member's history across meetings, derived from the records every time (nothing is counted
 * ahead): the meetings they were invited to (their attendee records carry their {@code memberId}),
 * whether they came (checked in, or had the floor), their speeches per matter (the matter's
 * {@code speechCounts}), and how they voted in named votes (the ballot box's roll call). A secret
 * vote appears nowhere, not even as taken part in: its box stores no choices, and the history
 * does not read it. The mediations (人民调解) they held are listed too: a mediation recorded on a
 * 邻里纠纷 names its mediators by their member ids (the resident is not linked to the register).
 */
final class MemberHistory {
  private final ArchiveReads reads;
  private final MemberStore members;
  private final VoteRecords votes;
  private final BallotBoxes ballots;

  MemberHistory(ArchiveReads reads, MemberStore members, VoteRecords votes, BallotBoxes ballots) {
    this.reads = reads;
    this.members = members;
    this.votes = votes;
    this.ballots = ballots;
  }

  /** The history as {@code who} may see it: every meeting for staff, the totals only for a viewer. */
  Future<JsonObject> of(Identity who, String memberId) {
    return members.member(memberId).compose(found -> {
      JsonObject member = MemberScope.visible(found, who);
      return Future.all(reads.invitationsOf(memberId).compose(this::meetings), reads.mediatedBy(memberId)).map(read -> {
        List<JsonObject> meetings = read.resultAt(0);
        JsonArray mediations = mediations(read.resultAt(1), memberId);
        JsonObject reply = new JsonObject().put("member", MemberScope.view(member, who))
            .put("totals", totals(meetings).put("mediations", mediations.size())
                .put("mediationsSettled", mediations.stream().filter(m -> ((JsonObject) m).getBoolean("settled")).count()))
            .put("personal", ArchiveConsole.seesPersonal(who));
        return ArchiveConsole.seesPersonal(who)
            ? reply.put("meetings", new JsonArray(meetings)).put("mediations", mediations) : reply;
      });
    });
  }

  private Future<List<JsonObject>> meetings(List<JsonObject> invitations) {
    if (invitations.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Map<String, JsonObject> byMeeting = invitations.stream()
        .collect(Collectors.toMap(a -> a.getString("meetingId"), a -> a, (a, b) -> a));
    return reads.meetingsByIds(List.copyOf(byMeeting.keySet())).compose(found -> votes.namedOf(found)
        .compose(named -> Future.all(found.stream().map(meeting -> entry(meeting, byMeeting.get(meeting.getString("_id")),
            named.getOrDefault(meeting.getString("_id"), List.of()))).toList()))
        .map(all -> all.<JsonObject>list()));
  }

  /** One meeting of the member's: came or not, speeches per matter, ballots in its named votes. */
  private Future<JsonObject> entry(JsonObject meeting, JsonObject attendee, List<JsonObject> namedVotes) {
    String attendeeId = attendee.getString("_id");
    JsonArray speeches = new JsonArray();
    MeetingFilter.agenda(meeting).forEach(o -> {
      JsonObject m = (JsonObject) o;
      int n = m.getJsonObject("speechCounts", new JsonObject()).getInteger(attendeeId, 0);
      if (n > 0) {
        speeches.add(new JsonObject().put("matterId", m.getString("id")).put("title", m.getString("title")).put("count", n));
      }
    });
    int spoke = MeetingRecord.speechesOf(meeting, attendeeId);
    boolean came = attendee.getLong("checkedInAt") != null || spoke > 0;
    return ballotsOf(meeting, attendeeId, namedVotes).map(cast -> new JsonObject()
        .put("meetingId", meeting.getString("_id")).put("title", meeting.getString("title"))
        .put("startsAt", meeting.getLong("startsAt")).put("status", meeting.getString("status"))
        .put("attended", came).put("absent", !came && "CLOSED".equals(meeting.getString("status")))
        .put("speeches", speeches).put("speechCount", spoke).put("votes", cast));
  }

  /** The attendee's choice in each named vote, from its roll call; secret votes were never read. */
  private Future<JsonArray> ballotsOf(JsonObject meeting, String attendeeId, List<JsonObject> namedVotes) {
    return Future.all(namedVotes.stream().map(v -> ballots.rollCall(v.getString("voteId")).map(roll -> roll.stream()
        .filter(b -> attendeeId.equals(b.getString("attendeeId")) && b.getString("choice") != null).findFirst()
        .map(b -> new JsonObject().put("voteId", v.getString("voteId")).put("motion", v.getString("motion"))
            .put("matterTitle", MeetingRecord.matterTitle(meeting, v.getString("matterId"))).put("choice", b.getString("choice")))
        .orElse(null))).toList())
        .map(all -> new JsonArray(all.<JsonObject>list().stream().filter(b -> b != null).toList()));
  }

  /** Each mediation the member held: the request's number and public title, when, settled or not. */
  private static JsonArray mediations(List<JsonObject> requests, String memberId) {
    JsonArray out = new JsonArray();
    requests.forEach(request -> request.getJsonArray("mediations", new JsonArray()).stream().map(JsonObject.class::cast)
        .filter(m -> m.getJsonArray("mediatorMemberIds", new JsonArray()).contains(memberId))
        .forEach(m -> out.add(new JsonObject().put("requestId", request.getString("_id"))
            .put("number", request.getString("number")).put("title", PublicTitles.of(request))
            .put("at", m.getLong("at")).put("settled", m.getBoolean("settled", false)))));
    return out;
  }

  private static JsonObject totals(List<JsonObject> meetings) {
    return new JsonObject().put("invited", meetings.size())
        .put("attended", meetings.stream().filter(m -> m.getBoolean("attended")).count())
        .put("absent", meetings.stream().filter(m -> m.getBoolean("absent")).count())
        .put("speeches", meetings.stream().mapToInt(m -> m.getInteger("speechCount")).sum())
        .put("namedVotes", meetings.stream().mapToInt(m -> m.getJsonArray("votes").size()).sum());
  }
}
