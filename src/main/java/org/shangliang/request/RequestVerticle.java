package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.Identity;
import org.shangliang.common.RateLimiter;
import org.shangliang.common.Schemas;
import org.shangliang.community.CommunitySettings;
import org.shangliang.qr.QrTokens;
import org.shangliang.room.RoomAddresses;
import org.shangliang.room.RoomStore;
import org.shangliang.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * Residents' requests on this node: the command address {@value #COMMANDS} for kiosks (filing) and
 * staff (every step of 三即三提一转, follow-ups, the topic list, the rates), and the link back from
 * the room: a matter's announced result resolves the request it came from.
 */
public final class RequestVerticle extends VerticleBase {
  public static final String COMMANDS = "request.cmd";
  static final int MAX_BYTES = 8192;
  /** Filings per kiosk per window, as phones have per address: a resident takes minutes to file one. */
  static final int FILINGS_PER_KIOSK = 10;
  static final long KIOSK_WINDOW_MS = 10 * 60_000L;
  private static final Logger LOG = LoggerFactory.getLogger(RequestVerticle.class);

  private final Database db;
  private final QrTokens tokens;
  private final InformDeadline deadline;
  private final CommunitySettings community;

  public RequestVerticle(Database db, QrTokens tokens, int informWithinWorkingDays) {
    this.db = db;
    this.tokens = tokens;
    this.deadline = new InformDeadline(informWithinWorkingDays);
    this.community = new CommunitySettings(db.mongo());
  }

  @Override
  public Future<?> start() {
    RequestStore store = new RequestStore(db.mongo());
    RequestIntake intake = new RequestIntake(vertx, db, tokens);
    RequestActions actions = new RequestActions(vertx, store, new RoomStore(vertx, db), db);
    Dispatching dispatching = new Dispatching(db, store, actions);
    RequestReports reports = new RequestReports(store);
    RateLimiter limits = new RateLimiter(vertx, db.mongo());
    RequestAccess access = new RequestAccess(store);
    Function<Function<Request, Future<JsonObject>>, Function<Request, Future<JsonObject>>> step =
        action -> access.onOwnGrid(r -> action.apply(r).compose(this::dated));
    CommandEndpoint endpoint = new CommandEndpoint(COMMANDS, MAX_BYTES, Schemas.load("schemas/request-commands.json", "action"))
        .on("hello", CommandEndpoint::anyone, CommandEndpoint::hello)
        .on("requestForm", RequestVerticle::kioskOrStaff, r -> intake.form())
        .on("fileRequest", RequestVerticle::isKiosk, r -> limits.count("kiosk-filing:" + r.who().id(), FILINGS_PER_KIOSK,
            KIOSK_WINDOW_MS).compose(v -> intake.file(r.body(), RequestChannel.KIOSK,
            new JsonObject().put("deviceId", r.who().id()).put("deviceName", r.who().name()))))
        .on("enterRequest", Identity::isEditor, r -> RequestAccess.requireOwnGrid(r.who(), r.body().getString("gridId"))
            .compose(v -> intake.enter(r.body(), r.who())).compose(this::dated))
        .on("listRequests", Identity::isStaff, r -> list(store, r))
        .on("getRequest", Identity::isStaff, step.apply(r -> store.request(r.body().getString("id"))
            .map(doc -> new JsonObject().put("request", RequestViews.staffView(doc)))))
        .on("gridWorkers", Identity::isStaff, r -> RequestAccess.requireOwnGrid(r.who(), r.body().getString("gridId"))
            .compose(v -> dispatching.gridWorkers(r.body().getString("gridId"))))
        .on("dispatchRequest", Dispatching::mayDispatch, step.apply(dispatching::dispatch))
        .on("takeRequest", Identity::isEditor, step.apply(actions::take))
        .on("consultRequest", Identity::isEditor, step.apply(actions::consult))
        .on("agreeRequest", Identity::isEditor, step.apply(actions::agree))
        .on("completeRequest", Identity::isEditor, step.apply(actions::complete))
        .on("informRequest", Identity::isEditor, step.apply(actions::inform))
        .on("rateRequest", Identity::isEditor, step.apply(actions::rate))
        .on("escalateRequest", Identity::isEditor, step.apply(actions::escalate))
        .on("transferRequest", Identity::isEditor, step.apply(actions::transfer))
        .on("setPublicTitle", Identity::isEditor, step.apply(actions::setPublicTitle))
        .on("promoteRequest", Identity::isEditor, step.apply(actions::promote))
        .on("scheduleTopic", Identity::isEditor, step.apply(actions::schedule))
        .on("followUpRequest", Identity::isEditor, step.apply(actions::followUp))
        .on("mediateRequest", Identity::isEditor, step.apply(actions::mediate))
        .on("followUpsDue", Identity::isStaff, r -> community.zone().compose(zone -> reports.followUpsDue(
            System.currentTimeMillis(), zone, RequestAccess.visibleTo(r.who()))))
        .on("informsDue", Identity::isStaff, r -> community.zone().compose(zone -> reports.informsDue(
            System.currentTimeMillis(), deadline, zone, RequestAccess.visibleTo(r.who()))))
        .on("topicList", Identity::isStaff, r -> reports.topicList(r.body().getLong("from"), r.body().getLong("to"),
                RequestAccess.visibleTo(r.who()))
            .map(list -> new JsonObject().put("topics", list)))
        .on("requestRates", Identity::isStaff, r -> community.zone().compose(zone -> reports.rates(
            YearMonth.parse(r.body().getString("month")), zone)))
        .on("saveRequestKinds", RequestAccess::changesCommunitySettings, r -> intake.saveKinds(
            r.body().getJsonArray("kinds").stream().map(String::valueOf).toList(), r.who()).map(v -> new JsonObject()));
    vertx.eventBus().<JsonObject>consumer(RoomAddresses.MATTER_RESOLVED, m -> resolveFromMeeting(store, actions, m.body()));
    actions.retitleScheduledMatters().onFailure(e -> LOG.warn("matters from requests could not all be renamed to their public titles", e));
    return vertx.eventBus().<Object>consumer(COMMANDS, endpoint::handle).completion();
  }

  /** A reply's request with the dates staff work to, in the community's time zone: the next follow-up and the 办完即反 deadline. */
  private Future<JsonObject> dated(JsonObject reply) {
    return community.zone().map(zone -> dated(reply, zone));
  }

  private JsonObject dated(JsonObject reply, ZoneId zone) {
    JsonObject request = reply.getJsonObject("request");
    if (request != null) {
      request.put("nextFollowUpAt", RequestReports.nextFollowUpAt(request, zone)).put("informDueAt", deadline.dueAt(request, zone));
    }
    return reply;
  }

  private static boolean isKiosk(Identity who) {
    return who.type() == Identity.Type.DEVICE && who.role() == Identity.Role.KIOSK;
  }

  private static boolean kioskOrStaff(Identity who) {
    return isKiosk(who) || who.isStaff();
  }

  /** Newest first, within the caller's grids; {@code dispatchedToMe}: those dispatched to the caller (派给我的). */
  private Future<JsonObject> list(RequestStore store, Request r) {
    JsonObject query = RequestAccess.narrow(r.who(), new JsonObject(), r.body().getString("gridId"));
    if (r.body().getString("status") != null) {
      query.put("status", r.body().getString("status"));
    }
    if (r.body().getBoolean("dispatchedToMe", false)) {
      query.put("dispatchedTo.id", r.who().id());
    }
    return Future.all(store.find(query, 500), community.zone()).map(read -> {
      ZoneId zone = read.resultAt(1);
      JsonArray out = new JsonArray();
      read.<List<JsonObject>>resultAt(0).forEach(d -> out.add(dated(new JsonObject().put("request", RequestViews.staffView(d)), zone)
          .getJsonObject("request")));
      return new JsonObject().put("requests", out);
    });
  }

  /** Every request made a topic of the resolved matter gets the resolution; failures are logged, the meeting goes on. */
  private static void resolveFromMeeting(RequestStore store, RequestActions actions, JsonObject resolved) {
    store.matterOf(resolved.getString("matterId")).onSuccess(docs -> docs.forEach(doc ->
        actions.resolve(doc.getString("_id"), resolved.getJsonObject("resolution"))
            .onFailure(e -> LOG.warn("request {} not resolved from matter {}", doc.getString("number"),
                resolved.getString("matterId"), e))));
  }
}
