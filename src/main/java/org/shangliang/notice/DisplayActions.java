package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.auth.Devices;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.community.Grids;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.store.Database;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What staff do with the displays beside notice boards: pair, name, move to a grid, watch. */
final class DisplayActions {
  private final NoticeStore store;
  private final Grids grids;
  private final Devices devices;
  private final Pairings pairings;
  private final Playlists playlists;
  private final Showings showings;
  private final Database db;
  private final AuditLog audit;

  DisplayActions(NoticeStore store, Devices devices, Pairings pairings, Playlists playlists, Showings showings, Database db,
                 AuditLog audit) {
    this.store = store;
    this.grids = new Grids(db.mongo());
    this.devices = devices;
    this.pairings = pairings;
    this.playlists = playlists;
    this.showings = showings;
    this.db = db;
    this.audit = audit;
  }

  /** Enrols the display waiting with this code, in a grid, and hands it its token. */
  Future<JsonObject> pair(Request r) {
    String code = r.body().getString("code");
    String gridId = r.body().getString("gridId");
    return grids.grid(gridId).compose(grid -> pairings.waiting(code)).compose(waiting -> waiting
        ? devices.enrolSignage(r.body().getString("name").strip(), gridId)
        : Future.failedFuture(new Failure(ErrorCode.PAIRING_UNKNOWN)))
        .compose(device -> pairings.complete(code, device.getString("deviceId"), device.getString("token"))
            .compose(v -> audited(r, device.getString("deviceId"), gridId)))
        .compose(this::displayView);
  }

  Future<JsonObject> update(Request r) {
    String displayId = r.body().getString("id");
    String gridId = r.body().getString("gridId");
    JsonObject set = new JsonObject().put("name", r.body().getString("name").strip()).put("gridId", gridId);
    return grids.grid(gridId).compose(grid -> store.updateDisplay(displayId, set))
        .compose(v -> audited(r, displayId, gridId))
        .compose(display -> {
          playlists.displayChanged(displayId);
          return displayView(display);
        });
  }

  /** Audits a board paired or changed, makes both durable, and answers the board as stored. */
  private Future<JsonObject> audited(Request r, String displayId, String gridId) {
    JsonObject params = new JsonObject().put("displayId", displayId).put("name", r.body().getString("name").strip())
        .put("gridId", gridId);
    return audit.record(r.who(), NoticeConsole.AREA, r.action(), params).compose(v -> db.durable())
        .compose(v -> store.signageDisplay(displayId));
  }

  /** Where and when the notice was shown: on the boards of the caller's grids, for a grid worker. */
  Future<JsonObject> postings(Request r) {
    String noticeId = r.body().getString("noticeId");
    return Future.all(store.signageDisplays(), grids.all()).compose(all -> {
      List<JsonObject> displays = all.resultAt(0);
      Map<String, JsonObject> byId = new HashMap<>();
      displays.forEach(d -> byId.put(d.getString("_id"), d));
      Map<String, String> gridNames = names(all.resultAt(1));
      return showings.postings(noticeId, displays).map(list -> {
        JsonArray out = new JsonArray();
        list.forEach(o -> {
          JsonObject p = (JsonObject) o;
          JsonObject display = byId.getOrDefault(p.getString("displayId"), new JsonObject());
          if (!r.who().covers(display.getString("gridId"))) {
            return;
          }
          out.add(p.put("displayName", display.getString("name")).put("gridName", gridNames.get(display.getString("gridId"))));
        });
        return new JsonObject().put("postings", out);
      });
    });
  }

  /** Every signage display with its status, as {@code overview} lists them. */
  Future<JsonArray> statuses(Map<String, String> gridNames, Map<String, String> noticeTitles) {
    long now = System.currentTimeMillis();
    return store.signageDisplays().map(displays -> {
      JsonArray out = new JsonArray();
      displays.stream().sorted((a, b) -> a.getString("_id").compareTo(b.getString("_id")))
          .forEach(d -> out.add(status(d, gridNames, noticeTitles, now)));
      return out;
    });
  }

  private Future<JsonObject> displayView(JsonObject display) {
    return grids.all().map(all -> new JsonObject().put("display",
        status(display, names(all), Map.of(), System.currentTimeMillis())));
  }

  private static JsonObject status(JsonObject d, Map<String, String> gridNames, Map<String, String> titles, long now) {
    boolean online = Showings.online(d, now);
    String current = d.getString("current");
    return new JsonObject().put("id", d.getString("_id")).put("name", d.getString("name"))
        .put("gridId", d.getString("gridId")).put("gridName", gridNames.get(d.getString("gridId")))
        .put("online", online).put("lastSeenAt", d.getLong("lastSeenAt"))
        .put("offlineSince", online ? null : d.getLong("lastSeenAt"))
        .put("showing", current == null ? null : new JsonObject().put("noticeId", current).put("title", titles.get(current)));
  }

  static Map<String, String> names(List<JsonObject> docs) {
    Map<String, String> names = new HashMap<>();
    docs.forEach(d -> names.put(d.getString("_id"), d.getString("name") != null ? d.getString("name") : d.getString("title")));
    return names;
  }
}
