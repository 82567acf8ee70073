package org.shangliang.export;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.common.Identity;
import org.shangliang.followup.FollowUpRules;
import org.shangliang.followup.ResolutionStore;
import org.shangliang.store.Database;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolutions followed up (跟踪落实), one a row, with the next follow-up computed by the same rule
 * as the console's list ({@link FollowUpRules}); a grid worker gets those of their grids. Filter:
 * {@code status} OPEN (办理中) or SOLVED (已办结). Ordered as the console lists them: open ones by
 * their next follow-up, then the solved, newest first.
 */
final class ResolutionSheet {
  static final List<String> HEADER = List.of("会议", "议题", "决议", "责任主体", "完成时限", "类别", "状态", "跟进次数",
      "最近跟进", "最近跟进情况", "下次跟进", "办结时间");
  static final String SOLVED = "SOLVED";
  /** As many as the console's list reads. */
  static final int READ = 2_000;
  private static final Map<String, String> KINDS = Map.of("CONSULTATION", "协商类", "DECISION", "决策类",
      "INQUIRY", "咨询类", "HEARING", "听证类");

  private final MongoClient mongo;

  ResolutionSheet(Database db) {
    this.mongo = db.mongo();
  }

  Future<ExportTable> table(Identity who, ExportFilter filter, ZoneId zone) {
    String status = filter.choice("status", List.of("OPEN", SOLVED));
    JsonObject query = status == null ? new JsonObject() : new JsonObject().put("status", status);
    return mongo.findWithOptions(ResolutionStore.COLLECTION, query, new FindOptions().setLimit(READ)).map(items -> {
      List<List<Object>> rows = items.stream().filter(i -> visible(who, i))
          .sorted(Comparator.comparing((JsonObject i) -> next(i, zone) == null ? Long.MAX_VALUE : next(i, zone))
              .thenComparing(i -> -i.getLong("trackedAt", 0L)))
          .map(i -> row(i, zone)).toList();
      return new ExportTable(ExportName.RESOLUTIONS, HEADER, rows,
          status == null ? "全部" : "状态：" + label(status), null);
    });
  }

  private static boolean visible(Identity who, JsonObject item) {
    return !who.isGridScoped() || item.getJsonArray("gridIds", new JsonArray()).stream().anyMatch(g -> who.covers((String) g));
  }

  private static Long next(JsonObject item, ZoneId zone) {
    return FollowUpRules.nextFollowUpAt(item, zone);
  }

  private static List<Object> row(JsonObject item, ZoneId zone) {
    JsonArray followUps = item.getJsonArray("followUps", new JsonArray());
    JsonObject last = followUps.isEmpty() ? new JsonObject() : followUps.getJsonObject(followUps.size() - 1);
    return Arrays.asList(item.getString("meetingTitle"), item.getString("title"), item.getString("text"),
        item.getString("responsible"), Cells.time(item.getLong("dueAt"), zone),
        KINDS.get(item.getString("topicKind")), label(item.getString("status")), followUps.size(),
        Cells.time(last.getLong("at"), zone), last.getString("found"), Cells.time(next(item, zone), zone),
        Cells.time(item.getLong("solvedAt"), zone));
  }

  private static String label(String status) {
    return SOLVED.equals(status) ? "已办结" : "办理中";
  }

  static Set<String> params() {
    return Set.of("status");
  }
}
