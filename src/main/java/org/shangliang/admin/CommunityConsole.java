package org.shangliang.admin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.admin.CommunityStore.Place;
import org.shangliang.auth.Devices;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.community.CommunitySettings;
import org.shangliang.notice.Pairings;
import org.shangliang.notice.Playlists;
import org.shangliang.qr.QrTokens;
import org.shangliang.store.Database;

/**
 * The community area of the console ({@value ConsoleAddresses#COMMUNITY}): the community itself,
 * its grids and rooms, and its enrolled devices. Every console account may read; only an
 * administrator changes anything, and every change is audited (area {@value #AREA}).
 */
public final class CommunityConsole {
  static final String AREA = "community";
  static final int MAX_BYTES = 4096;

  private final CommunityStore places;
  private final CommunitySettings settings;
  private final Playlists playlists;
  private final AuditLog audit;
  private final Database db;

  private CommunityConsole(CommunityStore places, CommunitySettings settings, Playlists playlists, AuditLog audit,
                           Database db) {
    this.places = places;
    this.settings = settings;
    this.playlists = playlists;
    this.audit = audit;
    this.db = db;
  }

  /** The area's command table. */
  public static CommandEndpoint endpoint(Vertx vertx, Database db, Devices devices, QrTokens tokens) {
    CommunityStore places = new CommunityStore(db.mongo());
    CommunitySettings settings = new CommunitySettings(db.mongo());
    AuditLog audit = new AuditLog(db.mongo());
    Playlists playlists = new Playlists(vertx, db, tokens);
    DeviceActions devicesActions = new DeviceActions(vertx, db, devices, places, new Pairings(db), playlists, audit);
    CommunityConsole console = new CommunityConsole(places, settings, playlists, audit, db);

    return new CommandEndpoint(ConsoleAddresses.COMMUNITY, MAX_BYTES,
        Schemas.load("schemas/community-commands.json", "action"))
        .on("hello", CommandEndpoint::anyone, CommandEndpoint::hello)
        .on("getCommunity", Identity::isStaff, r -> settings.read())
        .on("saveCommunity", Identity::isAdmin, console::saveCommunity)
        .on("listGrids", Identity::isStaff, r -> console.list(Place.GRID, "grids"))
        .on("saveGrid", Identity::isAdmin, r -> console.save(r, Place.GRID, "grid"))
        .on("listRooms", Identity::isStaff, r -> console.list(Place.ROOM, "rooms"))
        .on("saveRoom", Identity::isAdmin, r -> console.save(r, Place.ROOM, "room"))
        .on("listDevices", Identity::isStaff, devicesActions::list)
        .on("pairDevice", Identity::isAdmin, devicesActions::pair)
        .on("renameDevice", Identity::isAdmin, devicesActions::rename)
        .on("moveDevice", Identity::isAdmin, devicesActions::move)
        .on("revokeDevice", Identity::isAdmin, devicesActions::revoke);
  }

  private Future<JsonObject> saveCommunity(Request r) {
    JsonObject body = r.body();
    String name = body.getString("name").strip();
    String street = body.getString("street", "").strip();
    String timeZone = CommunityStore.timeZone(body.getString("timeZone"));
    String language = body.getString("language");
    return places.saveCommunity(name, street, timeZone, language)
        .compose(v -> audit.record(r.who(), AREA, r.action(), new JsonObject().put("name", name).put("street", street)
            .put("timeZone", timeZone).put("language", language)))
        .compose(v -> db.durable()).compose(v -> settings.read())
        .map(community -> new JsonObject().put("community", community));
  }

  private Future<JsonObject> list(Place place, String key) {
    return places.all(place).map(docs -> {
      JsonArray out = new JsonArray();
      docs.forEach(d -> out.add(CommunityStore.view(d)));
      return new JsonObject().put(key, out);
    });
  }

  /** Creates or renames a grid or room; a renamed grid's boards show the new name at once. */
  private Future<JsonObject> save(Request r, Place place, String key) {
    String id = r.body().getString("id");
    String name = r.body().getString("name").strip();
    return places.save(place, id, name)
        .compose(saved -> audit.record(r.who(), AREA, r.action(), new JsonObject().put("id", saved).put("name", name)
                .put("created", id == null))
            .compose(v -> db.durable()).compose(v -> places.one(place, saved)))
        .map(doc -> {
          if (place == Place.GRID && id != null) {
            playlists.gridChanged(id);
          }
          return new JsonObject().put(key, CommunityStore.view(doc));
        });
  }
}
