package org.shangliang.request;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What staff read from the requests: which topics are due for follow-up, the topic list (议题清单)
 * of a period ordered by urgency, and the response, resolution and satisfaction rates per grid and
 * month. All computed from the stored requests on demand, so there is nothing to keep in step; days
 * and months are the community's, in the {@code zone} each caller reads from its settings.
 */
public final class RequestReports {
  /** A request counts as responded to when someone took it within this time of filing. */
  static final long RESPONSE_LIMIT_MS = 24 * 3600_000L;
  /** "Due" lists follow-ups falling within the next few days as well as those already late. */
  static final long DUE_SOON_MS = 3 * 24 * 3600_000L;

  private final RequestStore store;

  public RequestReports(RequestStore store) {
    this.store = store;
  }

  /** When the topic's next follow-up falls due, or null once it is solved (or not a topic). */
  public static Long nextFollowUpAt(JsonObject doc, ZoneId zone) {
    JsonObject topic = doc.getJsonObject("topic");
    if (topic == null || Transitions.solved(RequestStatus.valueOf(doc.getString("status")))) {
      return null;
    }
    JsonArray followUps = doc.getJsonArray("followUps", new JsonArray());
    long last = followUps.isEmpty() ? topic.getLong("promotedAt")
        : followUps.getJsonObject(followUps.size() - 1).getLong("at");
    TopicKind kind = TopicKind.valueOf(topic.getString("topicKind"));
    return ZonedDateTime.ofInstant(Instant.ofEpochMilli(last), zone).plus(kind.followUpEvery())
        .toInstant().toEpochMilli();
  }

  /** Topics whose follow-up is late (overdue) or falls due soon (due), soonest first. */
  public Future<JsonObject> followUpsDue(long now, ZoneId zone, Predicate<JsonObject> visible) {
    return store.find(new JsonObject().put("topic", new JsonObject().put("$ne", null)), 1000).map(docs -> {
      JsonArray overdue = new JsonArray();
      JsonArray due = new JsonArray();
      docs.stream().filter(d -> nextFollowUpAt(d, zone) != null).sorted(Comparator.comparing(d -> nextFollowUpAt(d, zone)))
          .forEach(d -> {
            long at = nextFollowUpAt(d, zone);
            JsonObject line = summary(d).put("nextFollowUpAt", at);
            if (!visible.test(line)) {
              return;
            }
            if (at < now) {
              overdue.add(line);
            } else if (at <= now + DUE_SOON_MS) {
              due.add(line);
            }
          });
      return new JsonObject().put("overdue", overdue).put("due", due);
    });
  }

  /**
   * 办完即反: requests done and not yet told whose deadline has passed (overdue) or falls within
   * {@link #DUE_SOON_MS} (due), soonest first, each line with its {@code informDueAt}.
   */
  public Future<JsonObject> informsDue(long now, InformDeadline deadline, ZoneId zone, Predicate<JsonObject> visible) {
    return store.find(new JsonObject().put("status", RequestStatus.DONE.name()), 1000).map(docs -> {
      JsonArray overdue = new JsonArray();
      JsonArray due = new JsonArray();
      docs.stream().filter(d -> deadline.dueAt(d, zone) != null)
          .sorted(Comparator.comparing(d -> deadline.dueAt(d, zone))).forEach(d -> {
        long at = deadline.dueAt(d, zone);
        JsonObject line = summary(d).put("informDueAt", at);
        if (visible.test(line) && at < now) {
          overdue.add(line);
        } else if (visible.test(line) && at <= now + DUE_SOON_MS) {
          due.add(line);
        }
      });
      return new JsonObject().put("overdue", overdue).put("due", due).put("workingDays", deadline.workingDays());
    });
  }

  /**
   * 议题清单 for staff: the requests collected from {@code from} to {@code to} that are not yet
   * solved, the topics among them first, each group by urgency (3 highest) and then by age.
   */
  public Future<JsonArray> topicList(long from, long to, Predicate<JsonObject> visible) {
    return unsolved(from, to).map(open -> {
      JsonArray list = new JsonArray();
      open.stream().map(d -> summary(d).put("urgency", urgency(d))).filter(visible).forEach(list::add);
      return list;
    });
  }

  /** The same list for the boards: public lines only (number, kind, grid, public title, urgency). */
  public Future<JsonArray> publicTopicList(long from, long to) {
    return unsolved(from, to).map(open -> {
      JsonArray list = new JsonArray();
      open.forEach(d -> list.add(RequestViews.topicLine(d, urgency(d))));
      return list;
    });
  }

  private Future<List<JsonObject>> unsolved(long from, long to) {
    JsonObject query = new JsonObject().put("createdAt", new JsonObject().put("$gte", from).put("$lt", to));
    return store.find(query, 1000).map(docs -> {
      List<JsonObject> open = new ArrayList<>(docs.stream()
          .filter(d -> !Transitions.solved(RequestStatus.valueOf(d.getString("status")))).toList());
      open.sort(Comparator.<JsonObject>comparingInt(d -> d.getJsonObject("topic") == null ? 1 : 0)
          .thenComparingInt(d -> -urgency(d)).thenComparingLong(d -> d.getLong("createdAt")));
      return open;
    });
  }

  /** 响应率, 解决率 and 满意率 per grid for the requests filed in one month. */
  public Future<JsonObject> rates(YearMonth month, ZoneId zone) {
    long from = month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
    long to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
    JsonObject query = new JsonObject().put("createdAt", new JsonObject().put("$gte", from).put("$lt", to));
    return store.find(query, 100_000).map(docs -> {
      Map<String, Rates> byGrid = new TreeMap<>();
      Rates all = new Rates("全部");
      for (JsonObject d : docs) {
        String grid = d.getJsonObject("where", new JsonObject()).getString("gridName", "未知网格");
        byGrid.computeIfAbsent(grid, Rates::new).count(d);
        all.count(d);
      }
      JsonArray grids = new JsonArray();
      byGrid.values().forEach(r -> grids.add(r.toJson()));
      return new JsonObject().put("month", month.toString()).put("grids", grids).put("total", all.toJson());
    });
  }

  /** Counts for one grid (or all): filed, responded in time, solved, rated, satisfied. */
  static final class Rates {
    final String grid;
    int filed;
    int responded;
    int solved;
    int rated;
    int satisfied;

    Rates(String grid) {
      this.grid = grid;
    }

    void count(JsonObject d) {
      filed++;
      Long taken = firstAt(d, "TAKE");
      responded += taken != null && taken - d.getLong("createdAt") <= RESPONSE_LIMIT_MS ? 1 : 0;
      solved += Transitions.solved(RequestStatus.valueOf(d.getString("status"))) ? 1 : 0;
      JsonArray ratings = d.getJsonArray("ratings", new JsonArray());
      if (!ratings.isEmpty()) {
        rated++;
        satisfied += "UNSATISFIED".equals(ratings.getJsonObject(ratings.size() - 1).getString("rating")) ? 0 : 1;
      }
    }

    JsonObject toJson() {
      return new JsonObject().put("grid", grid).put("filed", filed).put("responded", responded).put("solved", solved)
          .put("rated", rated).put("satisfied", satisfied)
          .put("responseRate", rate(responded, filed)).put("resolutionRate", rate(solved, filed))
          .put("satisfactionRate", rate(satisfied, rated));
    }

    private static Double rate(int part, int whole) {
      return whole == 0 ? null : (double) part / whole;
    }
  }

  private static Long firstAt(JsonObject d, String event) {
    return d.getJsonArray("history", new JsonArray()).stream().map(o -> (JsonObject) o)
        .filter(h -> event.equals(h.getString("event"))).map(h -> h.getLong("at")).findFirst().orElse(null);
  }

  private static int urgency(JsonObject d) {
    JsonObject topic = d.getJsonObject("topic");
    return topic != null ? topic.getInteger("urgency", 1) : d.getInteger("urgency", 1);
  }

  /** A staff line: what the resident wrote is for staff; a topic's title is the public title. */
  private static JsonObject summary(JsonObject d) {
    JsonObject topic = d.getJsonObject("topic");
    return new JsonObject().put("id", d.getString("_id")).put("number", d.getString("number"))
        .put("kind", d.getString("kind")).put("what", d.getString("what")).put("publicTitle", PublicTitles.of(d))
        .put("status", d.getString("status")).put("channel", RequestChannel.of(d))
        .put("gridId", d.getJsonObject("where", new JsonObject()).getString("gridId"))
        .put("gridName", d.getJsonObject("where", new JsonObject()).getString("gridName"))
        .put("topicKind", topic == null ? null : topic.getString("topicKind"))
        .put("topicSource", topic == null ? null : topic.getString("source", "RESIDENTS"))
        .put("title", topic == null ? null : PublicTitles.of(d)).put("createdAt", d.getLong("createdAt"));
  }

  /** The Monday that starts the week of {@code day}, in the community's time zone (每周一收集). */
  public static long weekStart(LocalDate day, ZoneId zone) {
    return day.minusDays(day.getDayOfWeek().getValue() - 1L).atStartOfDay(zone).toInstant().toEpochMilli();
  }
}
