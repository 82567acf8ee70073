package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.shangliang.auth.Devices;
import org.shangliang.qr.QrTokens;
import org.shangliang.store.Database;

/**
 * The live room on this node: answers {@value RoomAddresses#COMMANDS}, publishes room state and
 * keeps speech time. One instance per node, so a room's publishing runs on one event loop; any
 * number of nodes may run it at once since all state is in MongoDB.
 */
public final class RoomVerticle extends VerticleBase {
  private final Database db;
  private final Devices devices;
  private final QrTokens tokens;
  private final TallyAudience tallyAudience;
  private SpeechClock clock;
  private RoomPublisher publisher;

  public RoomVerticle(Database db, Devices devices, QrTokens tokens, TallyAudience tallyAudience) {
    this.tallyAudience = tallyAudience;
    this.db = db;
    this.devices = devices;
    this.tokens = tokens;
  }

  @Override
  public Future<?> start() {
    RoomStore store = new RoomStore(vertx, db);
    BallotBoxes ballots = new BallotBoxes(db);
    Snapshots snapshots = new Snapshots(store, ballots, db.mongo(), tokens);
    publisher = new RoomPublisher(vertx, snapshots, tallyAudience);
    clock = new SpeechClock(vertx, store, publisher, db);
    LiveTallies tallies = new LiveTallies(vertx, ballots);
    tallies.listen();
    RoomServices services = new RoomServices(store, ballots, tallies, db, publisher, clock);
    RoomCommands commands = new RoomCommands(new AttendeeActions(services), new HostActions(services),
        new PhoneJoins(services, db.mongo(), devices), snapshots);
    clock.start();
    vertx.eventBus().<String>consumer(RoomAddresses.CHANGED, message -> publisher.changed(message.body()));
    vertx.eventBus().<String>consumer(RoomAddresses.MEETING_CHANGED, message -> publisher.attendeesChanged(message.body()));
    return vertx.eventBus().<Object>consumer(RoomAddresses.COMMANDS, commands.endpoint()::handle).completion();
  }

  @Override
  public Future<?> stop() {
    clock.stop();
    // the store closes after this: what is waiting goes out first
    return publisher.flush();
  }
}
