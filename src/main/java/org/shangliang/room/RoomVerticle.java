package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.shangliang.store.Database;

/**
 * The live room on this node: answers {@value RoomAddresses#COMMANDS}, publishes room state and
 * keeps speech time. One instance per node, so a room's publishing runs on one event loop; any
 * number of nodes may run it at once since all state is in MongoDB.
 */
public final class RoomVerticle extends VerticleBase {
  private final Database db;
  private SpeechClock clock;

  public RoomVerticle(Database db) {
    this.db = db;
  }

  @Override
  public Future<?> start() {
    RoomStore store = new RoomStore(vertx, db);
    BallotBoxes ballots = new BallotBoxes(db);
    Snapshots snapshots = new Snapshots(store, ballots);
    RoomPublisher publisher = new RoomPublisher(vertx, snapshots);
    clock = new SpeechClock(vertx, store, publisher);
    RoomServices services = new RoomServices(store, ballots, db, publisher, clock);
    RoomCommands commands = new RoomCommands(new AttendeeActions(services), new HostActions(services), snapshots);
    clock.start();
    return vertx.eventBus().<Object>consumer(RoomAddresses.COMMANDS, commands::handle).completion();
  }

  @Override
  public Future<?> stop() {
    clock.stop();
    return Future.succeededFuture();
  }
}
