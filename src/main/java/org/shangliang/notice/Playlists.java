package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.community.CommunitySettings;
import org.shangliang.community.Grids;
import org.shangliang.notice.store.NoticeStore;
import org.shangliang.qr.QrTokens;
import org.shangliang.request.RequestStore;
import org.shangliang.request.RequestViews;
import org.shangliang.store.Database;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What each signage display shows: the live notices that target it, with a QR token per notice
 * naming that display. Built from MongoDB on every change and sent to each affected display's own
 * address; each notice is encoded once per change, whatever the number of displays.
 */
public final class Playlists {
  /**
   * How often a board reports what it showed (an urgent notice at once): the proof of posting is
   * this precise, and 6,000 boards send 200 heartbeats a second.
   */
  public static final int HEARTBEAT_SECONDS = 30;
  static final int PROGRESS_DAYS = 30;
  /** As many as a portrait board shows at its smallest readable type; the page drops what does not fit. */
  static final int PROGRESS_LINES = 20;
  private static final int MONTH_LIMIT = 5000;
  private static final Comparator<JsonObject> ORDER = Comparator
      .<JsonObject>comparingInt(n -> -n.getInteger("priority", 0))
      .thenComparing(n -> -n.getLong("startsAt", 0L));

  private final Vertx vertx;
  private final NoticeStore store;
  private final Grids grids;
  private final QrTokens tokens;
  private final RequestStore requests;
  /** Whose calendar month 实时晒单 counts requests in (request numbers use the same). */
  private final CommunitySettings community;

  public Playlists(Vertx vertx, Database db, QrTokens tokens) {
    this.vertx = vertx;
    this.store = new NoticeStore(db);
    this.grids = new Grids(db.mongo());
    this.requests = new RequestStore(db.mongo());
    this.community = new CommunitySettings(db.mongo());
    this.tokens = tokens;
  }

  /** The playlist of one display, as its reply to {@code playlist}. */
  public Future<String> of(String displayId) {
    long now = System.currentTimeMillis();
    return Future.all(store.signageDisplay(displayId), community.zone()).compose(read -> {
      JsonObject display = read.resultAt(0);
      ZoneId zone = read.resultAt(1);
      return Future.all(store.live(now), gridNames(), progress(now, display.getString("gridId")),
              monthCounts(now, zone, display.getString("gridId")))
          .map(all -> build(display, all.resultAt(1), encode(all.resultAt(0)),
              new Progress(all.resultAt(2), all.resultAt(3), emptyCounts(now, zone)), now));
    });
  }

  /**
   * Sends fresh playlists to every display that the notice reaches, before or after a change
   * (both versions are given, so a display a notice was taken from learns it too).
   */
  public Future<Integer> changed(JsonObject before, JsonObject after) {
    Targets was = before == null ? null : Targets.fromJson(before.getJsonObject("targets"));
    Targets is = after == null ? null : Targets.fromJson(after.getJsonObject("targets"));
    return sendTo(display -> (was != null && was.reaches(display.getString("_id"), display.getString("gridId")))
        || (is != null && is.reaches(display.getString("_id"), display.getString("gridId"))));
  }

  /** Sends fresh playlists to the displays of a grid whose requests' progress changed. */
  public Future<Integer> gridChanged(String gridId) {
    return sendTo(display -> gridId != null && gridId.equals(display.getString("gridId")));
  }

  /** Sends a fresh playlist to one display (renamed, moved to another grid). */
  public Future<Integer> displayChanged(String displayId) {
    return sendTo(display -> display.getString("_id").equals(displayId));
  }

  private Future<Integer> sendTo(Predicate<JsonObject> affected) {
    long now = System.currentTimeMillis();
    return community.zone().compose(zone -> Future.all(store.signageDisplays(), store.live(now), gridNames(),
        progress(now, null), monthCounts(now, zone, null)).map(all -> {
      List<JsonObject> displays = all.resultAt(0);
      List<Encoded> notices = encode(all.resultAt(1));
      Map<String, String> grids = all.resultAt(2);
      Progress progress = new Progress(all.resultAt(3), all.resultAt(4), emptyCounts(now, zone));
      int sent = 0;
      for (JsonObject display : displays) {
        if (affected.test(display)) {
          vertx.eventBus().publish(SignageAddresses.display(display.getString("_id")),
              build(display, grids, notices, progress, now));
          sent++;
        }
      }
      return sent;
    }));
  }

  /** Per grid, the encoded progress lines and this month's counts; the counts of a grid with none this month. */
  private record Progress(Map<String, String> lines, Map<String, String> counts, String noCounts) {
  }

  /** A live notice with its public JSON encoded once. */
  private record Encoded(String id, Targets targets, String json) {
  }

  private static List<Encoded> encode(List<JsonObject> notices) {
    List<JsonObject> sorted = new ArrayList<>(notices);
    sorted.sort(ORDER);
    return sorted.stream().map(n -> new Encoded(n.getString("_id"), Targets.fromJson(n.getJsonObject("targets")),
        NoticeStore.publicView(n).encode())).toList();
  }

  private String build(JsonObject display, Map<String, String> grids, List<Encoded> notices,
                       Progress progress, long now) {
    String displayId = display.getString("_id");
    String gridId = display.getString("gridId");
    JsonObject head = new JsonObject().put("type", "playlist").put("serverTime", now)
        .put("heartbeatSeconds", HEARTBEAT_SECONDS)
        .put("display", new JsonObject().put("id", displayId).put("name", display.getString("name")))
        .put("grid", gridId == null ? null : new JsonObject().put("id", gridId).put("name", grids.get(gridId)));
    String encodedHead = head.encode();
    StringBuilder out = new StringBuilder(encodedHead.length() + 2048)
        .append(encodedHead, 0, encodedHead.length() - 1).append(",\"notices\":[");
    JsonObject qr = new JsonObject();
    for (Encoded notice : notices) {
      if (notice.targets().reaches(displayId, gridId)) {
        out.append(qr.isEmpty() ? "" : ",").append(notice.json());
        qr.put(notice.id(), tokens.sign(QrTokens.Purpose.FEEDBACK, notice.id(), displayId));
      }
    }
    out.append("],\"qr\":").append(qr.encode()).append(",\"progress\":").append(progress.lines().getOrDefault(gridId, "[]"));
    if (gridId != null) {
      out.append(",\"progressCounts\":").append(progress.counts().getOrDefault(gridId, progress.noCounts()));
    }
    if (gridId != null) {
      out.append(",\"reportToken\":\"").append(tokens.sign(QrTokens.Purpose.REPORT, gridId, displayId)).append('"');
    }
    return out.append('}').toString();
  }

  /**
   * 实时晒单: per grid (or only {@code onlyGrid}, for one display's playlist), the requests that
   * moved in the last {@value #PROGRESS_DAYS} days, newest first, as public board lines (kind,
   * grid, public title, status; nothing personal, nothing a resident typed), encoded once.
   */
  private Future<Map<String, String>> progress(long now, String onlyGrid) {
    JsonObject recent = new JsonObject().put("updatedAt", new JsonObject().put("$gt", now - PROGRESS_DAYS * 86_400_000L));
    if (onlyGrid != null) {
      recent.put("where.gridId", onlyGrid);
    }
    return requests.find(recent, 500).map(docs -> {
      Map<String, JsonArray> byGrid = new HashMap<>();
      docs.stream().sorted(Comparator.comparingLong(d -> -d.getLong("updatedAt"))).forEach(d -> {
        JsonArray lines = byGrid.computeIfAbsent(d.getJsonObject("where", new JsonObject()).getString("gridId"), g -> new JsonArray());
        if (lines.size() < PROGRESS_LINES) {
          lines.add(RequestViews.boardLine(d));
        }
      });
      Map<String, String> encoded = new HashMap<>();
      byGrid.forEach((grid, lines) -> encoded.put(grid, lines.encode()));
      return encoded;
    });
  }

  /**
   * 实时晒单's head: per grid (or only {@code onlyGrid}), the requests received this calendar month
   * counted by where they stand now, {@code {month: "yyyy-MM", total, byStatus: {status: n}}}, encoded once.
   */
  private Future<Map<String, String>> monthCounts(long now, ZoneId zone, String onlyGrid) {
    long monthStart = monthStart(now, zone);
    JsonObject query = new JsonObject().put("createdAt", new JsonObject().put("$gte", monthStart));
    if (onlyGrid != null) {
      query.put("where.gridId", onlyGrid);
    }
    return requests.find(query, MONTH_LIMIT).map(docs -> {
      Map<String, JsonObject> byGrid = new HashMap<>();
      for (JsonObject d : docs) {
        String grid = d.getJsonObject("where", new JsonObject()).getString("gridId");
        JsonObject counts = byGrid.computeIfAbsent(grid, g -> new JsonObject(emptyCounts(now, zone)));
        JsonObject byStatus = counts.getJsonObject("byStatus");
        byStatus.put(d.getString("status"), byStatus.getInteger(d.getString("status"), 0) + 1);
        counts.put("total", counts.getInteger("total") + 1);
      }
      Map<String, String> encoded = new HashMap<>();
      byGrid.forEach((grid, counts) -> encoded.put(grid, counts.encode()));
      return encoded;
    });
  }

  static long monthStart(long now, ZoneId zone) {
    ZonedDateTime local = Instant.ofEpochMilli(now).atZone(zone);
    return local.withDayOfMonth(1).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
  }

  private static String emptyCounts(long now, ZoneId zone) {
    ZonedDateTime local = Instant.ofEpochMilli(now).atZone(zone);
    return new JsonObject().put("month", String.format("%d-%02d", local.getYear(), local.getMonthValue()))
        .put("total", 0).put("byStatus", new JsonObject()).encode();
  }

  private Future<Map<String, String>> gridNames() {
    return grids.all().map(list -> {
      Map<String, String> names = new HashMap<>();
      list.forEach(g -> names.put(g.getString("_id"), g.getString("name")));
      return names;
    });
  }
}
