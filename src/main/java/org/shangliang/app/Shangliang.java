package org.shangliang.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import org.shangliang.auth.Accounts;
import org.shangliang.auth.Credentials;
import org.shangliang.auth.Devices;
import org.shangliang.metrics.EventLoopProbe;
import org.shangliang.metrics.JvmMeters;
import org.shangliang.notice.NoticeVerticle;
import org.shangliang.qr.QrTokens;
import org.shangliang.request.RequestVerticle;
import org.shangliang.room.RoomVerticle;
import org.shangliang.room.TallyAudience;
import org.shangliang.store.Database;
import org.shangliang.web.WebServer;

import java.util.function.Function;

/** Starts one node: the database (embedded unless MONGO_URI is set), the live room, the web server. */
public final class Shangliang {
  private final Vertx vertx;
  private final Database db;
  private final Accounts accounts;
  private final Devices devices;
  private final QrTokens tokens;
  private final WebServer web;
  private volatile JvmMeters jvmMeters;

  private Shangliang(Vertx vertx, Database db, Accounts accounts, Devices devices, QrTokens tokens, WebServer web) {
    this.tokens = tokens;
    this.vertx = vertx;
    this.db = db;
    this.accounts = accounts;
    this.devices = devices;
    this.web = web;
  }

  /** Starts a node that is ready (its /health answers UP) as soon as it serves. */
  public static Future<Shangliang> start(Vertx vertx, Config config) {
    return start(vertx, config, app -> Future.succeededFuture());
  }

  /**
   * Starts a node, then runs {@code preparation} (e.g. seeding the demo) before /health says UP:
   * a load balancer or a launcher waiting for UP sends nobody to a node that is still preparing.
   */
  public static Future<Shangliang> start(Vertx vertx, Config config, Function<Shangliang, Future<?>> preparation) {
    return serve(vertx, config).compose(app -> preparation.apply(app)
        .compose(prepared -> {
          app.web.markReady();
          WarmUp.inBackground(app.db, config.warmUpVotes());
          return app.bindJvmMeters();
        })
        .recover(e -> app.stop().transform(stopped -> Future.failedFuture(e))));
  }

  /** After UP, on a worker thread: /health answers meanwhile (metrics/JvmMeters says why). */
  private Future<Shangliang> bindJvmMeters() {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    if (!vertx.isMetricsEnabled() || registry == null) {
      return Future.succeededFuture(this);
    }
    return vertx.executeBlocking(() -> JvmMeters.bindTo(registry)).map(bound -> {
      jvmMeters = bound;
      return this;
    });
  }

  private static Future<Shangliang> serve(Vertx vertx, Config config) {
    Database db = config.mongoUri() != null
        ? Database.connect(vertx, config.mongoUri())
        : Database.embedded(vertx, config.dataDir());
    Credentials credentials = new Credentials(vertx, db);
    Accounts accounts = new Accounts(vertx, db, credentials);
    Devices devices = new Devices(db, credentials);
    return db.ping().compose(v -> StoreIndexes.create(db.mongo())).compose(v -> QrTokens.load(db)).compose(tokens -> {
      // counted by the bridge, read by the room's publisher: both on this node
      TallyAudience tallyAudience = new TallyAudience();
      WebServer web = new WebServer(db, credentials, accounts, devices, tokens, tallyAudience, config.web());
      // Side by side, each on an event loop of its own (they share nothing at start); then the web
      // server, so nothing is served before every address has its consumer.
      return Future.all(vertx.deployVerticle(new RoomVerticle(db, devices, tokens, tallyAudience)),
              vertx.deployVerticle(new NoticeVerticle(db, tokens)),
              vertx.deployVerticle(new ConsoleVerticle(db, devices, tokens, web::publicUrl)),
              vertx.deployVerticle(new RequestVerticle(db, tokens, config.informWithinWorkingDays())))
          .compose(all -> vertx.deployVerticle(web))
          .compose(id -> vertx.deployVerticle(EventLoopProbe::new,
              new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE)))
          .map(id -> new Shangliang(vertx, db, accounts, devices, tokens, web));
    })
        .onFailure(e -> db.close());
  }

  public int port() { return web.actualPort(); }

  public String publicUrl() { return web.publicUrl(); }

  public Database db() { return db; }

  public Accounts accounts() { return accounts; }

  public Devices devices() { return devices; }

  public QrTokens tokens() { return tokens; }

  public WebServer web() { return web; }

  public Vertx vertx() { return vertx; }

  /** Stops serving and closes the store; the Vert.x instance is the caller's to close. */
  public Future<Void> stop() {
    if (jvmMeters != null) {
      jvmMeters.close();
    }
    return Future.all(vertx.deploymentIDs().stream().map(vertx::undeploy).toList())
        .andThen(ar -> db.close()).mapEmpty();
  }
}
