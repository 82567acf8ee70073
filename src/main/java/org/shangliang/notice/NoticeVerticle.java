package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.metrics.Meters;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.qr.QrTokens;
import org.shangliang.request.RequestActions;
import org.shangliang.store.Database;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notice boards on this node: the signage displays' commands ({@value SignageAddresses#SIGNAGE})
 * and the pushes of their playlists when a grid's requests move (the console's commands are
 * {@link NoticeConsole}'s). Any node can answer any display: what a node keeps of the heartbeats
 * it took in ({@link Heartbeats}) only saves it reads and writes, and is read again from MongoDB when stale.
 */
public final class NoticeVerticle extends VerticleBase {
  static final int MAX_SIGNAGE_BYTES = 4096;
  static final long PROGRESS_DELAY_MS = 1000;
  static final long COUNT_ONLINE_MS = 10_000;
  private final Set<String> progressDue = new HashSet<>();

  private final Database db;
  private final QrTokens tokens;
  private NoticeStore store;
  private Playlists playlists;
  private Showings showings;
  private Heartbeats heartbeats;

  public NoticeVerticle(Database db, QrTokens tokens) {
    this.db = db;
    this.tokens = tokens;
  }

  @Override
  public Future<?> start() {
    store = new NoticeStore(db);
    playlists = new Playlists(vertx, db, tokens);
    showings = new Showings(db.mongo());
    heartbeats = new Heartbeats(vertx, store, showings, HeartbeatWrites.GATHER_MS);
    vertx.setPeriodic(Heartbeats.SILENT_MS, t -> heartbeats.storeSilent(System.currentTimeMillis()));
    countDisplaysOnline();

    CommandEndpoint signage = new CommandEndpoint(SignageAddresses.SIGNAGE, MAX_SIGNAGE_BYTES,
        Schemas.load("schemas/signage-commands.json", "action"))
        .on("hello", CommandEndpoint::anyone, CommandEndpoint::hello)
        .on("playlist", NoticeVerticle::isSignageDisplay, this::playlist)
        .on("heartbeat", NoticeVerticle::isSignageDisplay, this::heartbeat);
    vertx.eventBus().<String>consumer(RequestActions.PROGRESS_CHANGED, m -> progressChanged(m.body()));
    return vertx.eventBus().<Object>consumer(signage.address(), signage::handle).completion();
  }

  /**
   * A request of the grid moved: its boards' progress lines change. Coalesced per grid for a
   * second, since a burst of steps need not cost a burst of fan-outs.
   */
  private void progressChanged(String gridId) {
    if (gridId != null && progressDue.add(gridId)) {
      vertx.setTimer(PROGRESS_DELAY_MS, t -> {
        progressDue.remove(gridId);
        playlists.gridChanged(gridId);
      });
    }
  }

  static boolean isSignageDisplay(Identity who) {
    return who.type() == Identity.Type.DEVICE && who.role() == Identity.Role.DISPLAY && who.roomId() == null;
  }

  private Future<JsonObject> playlist(Request r) {
    return playlists.of(r.who().id()).map(JsonObject::new);
  }

  /**
   * The displays-online gauge of /metrics: the boards this node took a heartbeat from within
   * {@link Showings#ONLINE_MS}, counted every {@value #COUNT_ONLINE_MS} ms. Each board talks to one
   * node at a time, so the community's count is the sum over the nodes.
   */
  private void countDisplaysOnline() {
    AtomicInteger online = Meters.registry().gauge("shangliang.displays.online", new AtomicInteger());
    vertx.setPeriodic(0, COUNT_ONLINE_MS,
        t -> online.set(heartbeats.heardSince(System.currentTimeMillis() - Showings.ONLINE_MS)));
  }

  /** Heartbeats are not committed one by one: a lost one is made good by the next, 10 s later. */
  private Future<JsonObject> heartbeat(Request r) {
    long now = System.currentTimeMillis();
    JsonArray shown = r.body().getJsonArray("shown");
    return heartbeats.heartbeat(r.who().id(), r.body().getString("current"),
            shown.stream().map(String::valueOf).toList(), now)
        .map(v -> new JsonObject().put("serverTime", now));
  }


}
