package org.shangliang.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.shangliang.admin.AuditReader;
import org.shangliang.auth.Accounts;
import org.shangliang.auth.Credentials;
import org.shangliang.auth.Devices;
import org.shangliang.auth.FirstAdministrator;
import org.shangliang.common.RateLimiter;
import org.shangliang.common.Schemas;
import org.shangliang.community.CommunitySettings;
import org.shangliang.feedback.FeedbackIntake;
import org.shangliang.feedback.FeedbackStore;
import org.shangliang.notice.NoticeImages;
import org.shangliang.notice.Pairings;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.qr.QrTokens;
import org.shangliang.request.RequestActions;
import org.shangliang.request.RequestIntake;
import org.shangliang.request.RequestPhotos;
import org.shangliang.request.RequestStore;
import org.shangliang.room.PhoneJoinRequests;
import org.shangliang.room.RoomStore;
import org.shangliang.room.TallyAudience;
import org.shangliang.round.RoundPhones;
import org.shangliang.store.Backups;
import org.shangliang.store.Database;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Serves the pages, the event-bus bridge and the HTTP API on one port. */
public final class WebServer extends VerticleBase {
  /** No inline script or style, nothing from elsewhere: pages are our modules and nothing else. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'none'; "
      + "frame-ancestors 'none'; form-action 'self'";
  static final int MAX_API_BODY_BYTES = 16 * 1024;

  private final Database db;
  private final Credentials credentials;
  private final Accounts accounts;
  private final Devices devices;
  private final QrTokens tokens;
  private final WebSettings settings;
  private final TallyAudience tallyAudience;
  private HttpServer server;
  private Router router;
  private ConnectionGuard guard;
  /** Set once the node has started and prepared what it was asked to (e.g. the demo data). */
  private volatile boolean ready;

  /** Listens where {@code settings} say, with their HTTP limits and metrics access. */
  public WebServer(Database db, Credentials credentials, Accounts accounts, Devices devices, QrTokens tokens,
                   TallyAudience tallyAudience, WebSettings settings) {
    this.tallyAudience = tallyAudience;
    this.db = db;
    this.tokens = tokens;
    this.credentials = credentials;
    this.accounts = accounts;
    this.devices = devices;
    this.settings = settings;
  }

  /** The pages of this node listening to each room's tallies, as its bridge counts them. */
  public TallyAudience tallyAudience() {
    return tallyAudience;
  }

  @Override
  public Future<?> start() {
    router = Router.router(vertx);
    router.route().handler(WebServer::securityHeaders);
    router.get("/health").handler(this::health);
    mountApi(router);
    new BridgeRoutes(vertx, credentials, this::publicUrl, settings.http().idleTimeoutSeconds(), settings.bridgeLimits(),
        tallyAudience)
        .mount(router);
    router.route("/webjars/*").handler(staticFiles("META-INF/resources/webjars").setMaxAgeSeconds(86_400));
    router.get("/favicon.ico").handler(ctx -> ctx.response().setStatusCode(204).end());
    mountPage(router, "/common", "webroot/kiosk-ui/common");
    mountPage(router, "/kiosk", "webroot/kiosk-ui/kiosk");
    mountPage(router, "/host", "webroot/kiosk-ui/host");
    mountPage(router, "/display", "webroot/display-ui");
    mountPage(router, "/console", "webroot/kiosk-ui/console");
    mountPage(router, "/phone", "webroot/kiosk-ui/phone");
    mountPage(router, "/setup", "webroot/kiosk-ui/setup");
    router.get("/").handler(ctx -> ctx.redirect("/kiosk/"));
    router.route().failureHandler(HttpFailures::handleRouteFailure);

    guard = new ConnectionGuard(vertx, settings.http());
    guard.start();
    return vertx.createHttpServer(serverOptions()).connectionHandler(guard::onConnection)
        .requestHandler(guard.around(router)).listen().onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    guard.stop();
    return Future.succeededFuture();
  }

  /**
   * WebSocket compression is off: an accepted permessage-deflate lets one 59 KiB frame inflate to
   * 60 MiB before any size check, and deflating each frame once per page cost the server 4–6× the
   * CPU of sending it plain (WebSocketCompressionBenchmark, docs/BENCHMARKS.md). HTTP/2 over clear
   * text is off too: no browser uses it, and it hides a connection until its first bytes.
   */
  private HttpServerOptions serverOptions() {
    return new HttpServerOptions().setHost(settings.host()).setPort(settings.port()).setCompressionSupported(true)
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
        .setMaxWebSocketFrameSize(BridgeRoutes.MAX_MESSAGE_BYTES).setMaxWebSocketMessageSize(BridgeRoutes.MAX_MESSAGE_BYTES)
        .setHttp2ClearTextEnabled(false)
        .setIdleTimeout(settings.http().idleTimeoutSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS);
  }

  /** The HTTP API: small JSON bodies everywhere except image uploads, which have their own limit. */
  private void mountApi(Router router) {
    Schemas schemas = Schemas.load("schemas/http.json", null);
    RateLimiter limits = new RateLimiter(vertx, db.mongo());
    NoticeStore notices = new NoticeStore(db);
    new MemberRoutes(db, credentials).mount(router); // before the small-body handler: its import takes 512 KiB
    router.routeWithRegex("/api/(?!images$|requests/photo$).*").handler(BodyHandler.create(false).setBodyLimit(MAX_API_BODY_BYTES));
    new HttpApi(accounts, credentials, devices, new RoomStore(vertx, db), db, this::publicUrl).mount(router);
    new MediaRoutes(new NoticeImages(db), credentials).mount(router);
    new FeedbackRoutes(new FeedbackIntake(db, notices, new FeedbackStore(db.mongo()), tokens, limits), schemas).mount(router);
    new PairingRoutes(new Pairings(db), limits).mount(router);
    new SetupRoutes(new FirstAdministrator(db, accounts), limits, schemas).mount(router);
    new RoundRoutes(new RoundPhones(vertx, db, tokens), limits, schemas).mount(router);
    new JoinRoutes(new PhoneJoinRequests(vertx, db, tokens), limits, schemas, this::publicUrl).mount(router);
    new QrRoutes(tokens, this::publicUrl).mount(router);
    RequestIntake intake = new RequestIntake(vertx, db, tokens);
    RequestStore requests = new RequestStore(db.mongo());
    new RequestRoutes(intake, new RequestActions(vertx, requests, new RoomStore(vertx, db), db), new RequestPhotos(db),
        tokens, limits, credentials, schemas, this::publicUrl).mount(router);
    CommunitySettings community = new CommunitySettings(db.mongo());
    new Open311Routes(intake, requests, community).mount(router);
    new BackupRoutes(Backups.forEmbedded(vertx, db)).mount(router);
    new MetricsRoute(settings.metrics().allowedAddresses(), settings.metrics().token()).mount(router);
    new AuditRoutes(new AuditReader(db.mongo()), credentials, community).mount(router);
    new MeetingRoutes(vertx, db, credentials).mount(router);
    new ExportRoutes(new org.shangliang.export.Exports(vertx, db), credentials).mount(router);
    new LanguageRoute(new org.shangliang.community.CommunityLanguage(db.mongo())).mount(router);
  }

  /** Where users reach this server: the configured public URL, else this machine on the bound port. */
  public String publicUrl() {
    String configured = settings.publicUrl();
    return configured != null ? configured.replaceAll("/+$", "") : "http://localhost:" + actualPort();
  }

  /** Every GET route's path (handlers on patterns, like the body handler, serve no data of their own). */
  public List<String> getRoutes() {
    return router.getRoutes().stream().filter(r -> r.getPath() != null)
        .filter(r -> r.methods() == null || r.methods().contains(HttpMethod.GET)).map(Route::getPath).toList();
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /** From now on /health answers UP while the database answers: the node has finished starting. */
  public void markReady() {
    ready = true;
  }

  private void health(RoutingContext ctx) {
    if (!ready) {
      ctx.response().setStatusCode(503).putHeader("content-type", "application/json")
          .end(new JsonObject().put("status", "STARTING").encode());
      return;
    }
    db.ping().onComplete(ar -> ctx.response().setStatusCode(ar.succeeded() ? 200 : 503)
        .putHeader("content-type", "application/json")
        .end(new JsonObject().put("status", ar.succeeded() ? "UP" : "DOWN").encode()));
  }

  private static void mountPage(Router router, String path, String classpathFolder) {
    router.get(path).handler(ctx -> {
      if (ctx.request().path().endsWith("/")) {
        ctx.next();
        return;
      }
      String query = ctx.request().query();
      ctx.redirect(path + "/" + (query == null ? "" : "?" + query));
    });
    router.route(path + "/*").handler(staticFiles(classpathFolder).setCachingEnabled(false));
  }

  private static StaticHandler staticFiles(String classpathFolder) {
    return StaticHandler.create(classpathFolder).setIncludeHidden(false).setDirectoryListing(false)
        .setDefaultContentEncoding("UTF-8");
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
    ctx.next();
  }
}
