package org.shangliang.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The start-up cache's training ({@code shangliang.jar train}) on this JVM. The launcher's own run,
 * with the full room, is {@link StartupCacheTest}.
 */
class TrainingTest {
  @Test
  @DisplayName("a room that cannot be rehearsed gives way to the next: the training still goes through")
  void aFailedRoomGivesWayToTheNext() {
    // a room without kiosks fails at its first check-in, as a room the machine cannot hold fails at a late answer
    Rehearsal.Size noKiosks = new Rehearsal.Size(0, 1, 1, 0);
    assertEquals(0, Training.run(List.of(noKiosks, Rehearsal.Size.WARM_UP), 2));
  }

  @Test
  @DisplayName("the training fails, exit status 1, when no room can be rehearsed")
  void noRoomNoTraining() {
    Rehearsal.Size noKiosks = new Rehearsal.Size(0, 1, 1, 0);
    assertEquals(1, Training.run(List.of(noKiosks), 2));
  }
}
