package org.shangliang.room;

import io.vertx.core.Future;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

/**
 * Which meeting a room shows. A room points at one meeting at a time (the kiosks, the room display
 * and the host console follow it by themselves): the one being held, else the one about to be.
 * When a meeting closes, or a meeting is planned for a room whose last one is over, the room moves
 * on to its earliest planned meeting; a meeting planned to start before the one the room awaits
 * takes its place; a meeting being held is never left.
 */
public final class RoomSchedule {
  private final RoomStore store;

  public RoomSchedule(RoomStore store) {
    this.store = store;
  }

  /**
   * Moves the room on if its meeting is over (or it has none) and another is planned; answers the
   * meeting it moved to, or null if it stayed. The move is conditional on where the room pointed,
   * so two nodes moving the same room at once move it once.
   */
  public Future<String> moveOn(String roomId) {
    return store.room(roomId).compose(room -> {
      String current = room.getString("meetingId");
      Future<Boolean> over = current == null ? Future.succeededFuture(true)
          : store.meeting(current).map(m -> m.status() == Meeting.Status.CLOSED).recover(e -> Future.succeededFuture(true));
      return over.compose(isOver -> !isOver ? Future.succeededFuture(null)
          : store.nextScheduled(roomId).compose(next -> next == null ? Future.succeededFuture(null)
              : moveTo(roomId, current, next.id())));
    });
  }

  /**
   * After {@code planned} was planned or replanned: the room moves on as {@link #moveOn(String)} does, or,
   * while it awaits a meeting (SCHEDULED) that starts later than {@code planned}, to {@code planned}.
   * A meeting being held is never left. Answers the meeting moved to, or null if the room stayed.
   */
  public Future<String> moveOn(String roomId, Meeting planned) {
    return store.room(roomId).compose(room -> {
      String current = room.getString("meetingId");
      if (current == null || current.equals(planned.id())) {
        return moveOn(roomId);
      }
      return store.meeting(current).recover(e -> Future.succeededFuture(null)).compose(awaited ->
          awaited == null || awaited.status() == Meeting.Status.CLOSED ? moveOn(roomId)
              : startsBefore(planned, awaited) ? moveTo(roomId, current, planned.id()) : Future.succeededFuture(null));
    });
  }

  /** Whether {@code planned}, not begun, starts before {@code awaited}, which has not begun either. */
  static boolean startsBefore(Meeting planned, Meeting awaited) {
    Long at = planned.plan().startsAt();
    Long other = awaited.plan().startsAt();
    return planned.status() == Meeting.Status.SCHEDULED && awaited.status() == Meeting.Status.SCHEDULED
        && at != null && other != null && at < other;
  }

  /**
   * Points the room at a planned meeting chosen by staff, unless a meeting is being held there;
   * MEETING_ALREADY_OPEN then.
   */
  public Future<String> pointAt(String roomId, Meeting meeting) {
    return store.room(roomId).compose(room -> {
      String current = room.getString("meetingId");
      Future<Meeting.Status> status = current == null ? Future.succeededFuture(Meeting.Status.CLOSED)
          : store.meeting(current).map(Meeting::status).recover(e -> Future.succeededFuture(Meeting.Status.CLOSED));
      return status.compose(s -> s == Meeting.Status.OPEN && !meeting.id().equals(current)
          ? Future.failedFuture(new Failure(ErrorCode.MEETING_ALREADY_OPEN, "议事室正在开会，会后再切换"))
          : moveTo(roomId, current, meeting.id()));
    });
  }

  private Future<String> moveTo(String roomId, String from, String to) {
    if (to.equals(from)) {
      return Future.succeededFuture(to);
    }
    return store.pointRoomAt(roomId, from, to).compose(moved -> moved
        ? store.releaseKiosksOf(roomId).map(to) : Future.succeededFuture((String) null));
  }
}
