package org.shangliang.room;

import io.vertx.core.Future;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

/**
 * Which meeting a room shows. A room points at one meeting at a time (the kiosks, the room display
 * and the host console follow it by themselves): the one being held, else the one about to be.
 * When a meeting closes, or a meeting is planned for a room whose last one is over, the room moves
 * on to its earliest planned meeting; a meeting being held is never left.
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
