package org.shangliang.archive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.member.MemberScope;
import org.shangliang.member.MemberStore;
import org.shangliang.request.RequestStore;
import org.shangliang.room.BallotBoxes;
import org.shangliang.store.Database;

import java.util.List;
import java.util.Map;

/**
 * The archive on {@value ConsoleAddresses#ARCHIVE}: past meetings (agenda, attendance, votes,
 * resolutions) and residents' requests, searchable, and a member's history across meetings. It
 * only reads, and keeps nothing of its own: everything it answers is derived from the records the
 * room, the requests and the register keep, so it can be recomputed at any time. Every console
 * account reads; a grid worker's requests and members are those of their grids; a read-only
 * viewer gets no personal data (no attendee names, no resident, no one's ballots).
 */
public final class ArchiveConsole {
  static final int MAX_BYTES = 2048;
  static final int DEFAULT_MEETINGS = 50;
  static final int DEFAULT_REQUESTS = 100;

  private final ArchiveReads reads;
  private final VoteRecords votes;
  private final RequestStore requests;
  private final MemberHistory history;

  private ArchiveConsole(Database db) {
    this.reads = new ArchiveReads(db.mongo());
    this.votes = new VoteRecords(db.mongo());
    this.requests = new RequestStore(db.mongo());
    this.history = new MemberHistory(reads, new MemberStore(db.mongo()), votes, new BallotBoxes(db));
  }

  /** The area's command table. */
  public static CommandEndpoint endpoint(Database db) {
    ArchiveConsole archive = new ArchiveConsole(db);
    return new CommandEndpoint(ConsoleAddresses.ARCHIVE, MAX_BYTES, Schemas.load("schemas/archive-commands.json", "action"))
        .on("searchMeetings", Identity::isStaff, archive::searchMeetings)
        .on("getArchivedMeeting", Identity::isStaff, archive::meeting)
        .on("searchRequests", Identity::isStaff, archive::searchRequests)
        .on("memberHistory", Identity::isStaff, r -> archive.history.of(r.who(), r.body().getString("memberId")));
  }

  /** Whether {@code who} may see people's names and what residents wrote: as for the register's personal fields. */
  static boolean seesPersonal(Identity who) {
    return MemberScope.seesPersonal(who);
  }

  private Future<JsonObject> searchMeetings(Request r) {
    MeetingFilter filter = MeetingFilter.of(r.body());
    int limit = r.body().getInteger("limit", DEFAULT_MEETINGS);
    return Future.all(reads.meetings(filter.query()), reads.roomNames()).map(read -> {
      List<JsonObject> found = read.resultAt(0);
      Map<String, String> rooms = read.resultAt(1);
      List<JsonObject> matching = found.stream().filter(filter::matches).toList();
      JsonArray out = new JsonArray();
      matching.stream().limit(limit).forEach(m -> out.add(MeetingRecord.summary(m, rooms.get(m.getString("roomId")))));
      return new JsonObject().put("meetings", out).put("truncated", matching.size() > limit)
          .put("searchedAll", found.size() < ArchiveReads.MEETINGS_READ);
    });
  }

  private Future<JsonObject> meeting(Request r) {
    return reads.meeting(r.body().getString("id")).compose(meeting -> Future.all(reads.attendees(meeting.getString("_id")),
        votes.of(meeting), reads.roomNames()).map(read -> {
          Map<String, String> rooms = read.resultAt(2);
          return new JsonObject().put("meeting", MeetingRecord.of(meeting, rooms.get(meeting.getString("roomId")),
              read.resultAt(0), read.resultAt(1), seesPersonal(r.who())));
        }));
  }

  private Future<JsonObject> searchRequests(Request r) {
    RequestSearch search = RequestSearch.of(r.body(), r.who());
    int limit = r.body().getInteger("limit", DEFAULT_REQUESTS);
    return requests.find(search.query(r.who()), RequestSearch.READ).map(found -> {
      List<JsonObject> matching = found.stream().filter(search::matches).toList();
      JsonArray out = new JsonArray();
      matching.stream().limit(limit).forEach(doc -> out.add(search.view(doc)));
      return new JsonObject().put("requests", out).put("truncated", matching.size() > limit)
          .put("personal", search.personal());
    });
  }
}
