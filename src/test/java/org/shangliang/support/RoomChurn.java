package org.shangliang.support;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.shangliang.room.RoomAddresses;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shared kiosk that keeps the room changing, one command after another, at most one every
 * {@value #PACE_MS} ms: it checks an attendee in, raises and withdraws their hand, checks them out,
 * and goes on with the next of the given attendees. Every command changes
 * what the room's pages are sent, so the room pushes a snapshot after nearly every one.
 */
public final class RoomChurn implements AutoCloseable {
  /** 25 changes a second, far more than a meeting makes; faster only queues commands on the room. */
  static final long PACE_MS = 40;
  private final BridgeClient kiosk;
  private final String roomId;
  private final String[] attendeeIds;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong commands = new AtomicLong();
  private final Thread thread;

  private RoomChurn(BridgeClient kiosk, String roomId, String[] attendeeIds) {
    this.kiosk = kiosk;
    this.roomId = roomId;
    this.attendeeIds = attendeeIds.clone();
    this.thread = new Thread(this::run, "room-churn");
    thread.setDaemon(true);
  }

  /** Starts changing the room through the shared kiosk, cycling through the attendees. */
  public static RoomChurn start(BridgeClient sharedKiosk, String roomId, String... attendeeIds) {
    RoomChurn churn = new RoomChurn(sharedKiosk, roomId, attendeeIds);
    churn.thread.start();
    return churn;
  }

  /** Commands answered so far. */
  public long commands() {
    return commands.get();
  }

  private void run() {
    for (int i = 0; running.get(); i++) {
      String attendee = attendeeIds[i % attendeeIds.length];
      for (String action : new String[] {"checkIn", "raiseHand", "withdrawHand", "checkOut"}) {
        if (!running.get()) {
          return;
        }
        // A refusal (e.g. after a stop in the middle of a cycle) changes nothing and is not counted.
        long started = System.nanoTime();
        try {
          Future<JsonObject> reply = kiosk.request(RoomAddresses.COMMANDS, new JsonObject().put("action", action)
              .put("roomId", roomId).put("attendeeId", attendee));
          reply.toCompletionStage().toCompletableFuture().get();
          commands.incrementAndGet();
        } catch (Exception refused) {
          // next command
        }
        pace(started);
      }
    }
  }

  private static void pace(long startedNanos) {
    long left = PACE_MS - (System.nanoTime() - startedNanos) / 1_000_000;
    if (left > 0) {
      try {
        Thread.sleep(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops after the command in flight, and waits for it. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(15_000);
  }
}
