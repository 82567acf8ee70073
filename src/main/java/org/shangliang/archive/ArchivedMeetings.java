package org.shangliang.archive;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.shangliang.store.Database;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The archive's meeting records for other features (the spreadsheet exports), counted exactly as
 * {@code getArchivedMeeting} counts them: the same attendance and the same votes, without names.
 */
public final class ArchivedMeetings {
  private final ArchiveReads reads;
  private final VoteRecords votes;

  public ArchivedMeetings(Database db) {
    this.reads = new ArchiveReads(db.mongo());
    this.votes = new VoteRecords(db.mongo());
  }

  /**
   * Each meeting planned within [{@code from}, {@code to}) (either null: no bound), oldest first, as
   * {@code getArchivedMeeting} answers it for a reader without personal data; at most
   * {@value ArchiveReads#MEETINGS_READ}, the archive's own bound.
   */
  public Future<List<JsonObject>> records(Long from, Long to) {
    MeetingFilter filter = new MeetingFilter(null, from, to, null, null, null);
    return Future.all(reads.meetings(filter.query()), reads.roomNames()).compose(read -> {
      List<JsonObject> found = new ArrayList<>(read.<List<JsonObject>>resultAt(0).stream().filter(filter::matches).toList());
      found.sort(Comparator.comparing((JsonObject m) -> m.getLong("startsAt", 0L)));
      Map<String, String> rooms = read.resultAt(1);
      return recordsOf(found, rooms, 0, new ArrayList<>());
    });
  }

  /** One meeting after another, so an export of years of meetings never holds the store with hundreds of reads at once. */
  private Future<List<JsonObject>> recordsOf(List<JsonObject> meetings, Map<String, String> rooms, int next, List<JsonObject> out) {
    if (next == meetings.size()) {
      return Future.succeededFuture(out);
    }
    JsonObject meeting = meetings.get(next);
    return Future.all(reads.attendees(meeting.getString("_id")), votes.of(meeting)).compose(read -> {
      out.add(MeetingRecord.of(meeting, rooms.get(meeting.getString("roomId")), read.resultAt(0), read.resultAt(1), false));
      return recordsOf(meetings, rooms, next + 1, out);
    });
  }
}
