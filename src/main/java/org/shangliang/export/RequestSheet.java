package org.shangliang.export;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.Identity;
import org.shangliang.member.MemberScope;
import org.shangliang.request.PublicTitles;
import org.shangliang.request.RequestAccess;
import org.shangliang.request.RequestChannel;
import org.shangliang.request.RequestLabels;
import org.shangliang.request.RequestStatus;
import org.shangliang.request.RequestStore;
import org.shangliang.store.Database;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Residents' requests, one a row, oldest first, with the time of each step of 三即三提一转 (the
 * first time it happened) and the last rating. The resident's name and phone, and a place typed as
 * free text, only for those who may read personal data ({@link MemberScope#seesPersonal}); a grid
 * worker gets their grids' requests ({@link RequestAccess#narrow}). What the resident wrote is not
 * exported: the request is named by its public title. Filter: {@code from}, {@code to}
 * (YYYY-MM-DD, filing date, both included), {@code gridId}.
 */
final class RequestSheet {
  /** The steps as columns: event → column name. */
  static final Map<String, String> STEPS = stepColumns();
  static final List<String> FIRST = List.of("编号", "标题", "渠道", "类别", "网格", "楼栋", "状态", "登记时间");
  static final List<String> PERSONAL = List.of("居民姓名", "联系电话");
  static final String RATING = "满意度";
  /** Requests one export holds. */
  static final int READ = 20_000;
  private static final Map<String, String> CHANNELS = Map.of("KIOSK", "议事室终端", "WEB", "手机扫码", "OPEN311", "Open311",
      "PHONE", "来电", "LETTER", "来信", "VISIT", "来人");
  private static final Map<String, String> RATINGS = Map.of("SATISFIED", "满意", "BASIC", "基本满意", "UNSATISFIED", "不满意");

  private final RequestStore store;

  RequestSheet(Database db) {
    this.store = new RequestStore(db.mongo());
  }

  private static Map<String, String> stepColumns() {
    Map<String, String> steps = new LinkedHashMap<>();
    steps.put("DISPATCH", "派单");
    steps.put("TAKE", "受理");
    steps.put("CONSULT", "协商");
    steps.put("AGREE", "达成");
    steps.put("COMPLETE", "办结");
    steps.put("INFORM", "告知");
    steps.put("ESCALATE", "上提");
    steps.put("TRANSFER", "转办");
    steps.put("PROMOTE", "转议题");
    return steps;
  }

  static List<String> header(boolean personal) {
    List<String> header = new ArrayList<>(FIRST);
    header.addAll(STEPS.values());
    header.add(RATING);
    if (personal) {
      header.addAll(PERSONAL);
    }
    return header;
  }

  Future<ExportTable> table(Identity who, ExportFilter filter, ZoneId zone) {
    ExportFilter.Days days = filter.days();
    String gridId = filter.text("gridId");
    if (gridId != null && !ExportFilter.ID.matcher(gridId).matches()) {
      throw ExportFilter.bad("网格编号不正确");
    }
    JsonObject query = RequestAccess.narrow(who, new JsonObject(), gridId);
    JsonObject range = new JsonObject();
    if (days.from() != null) {
      range.put("$gte", days.fromMillis(zone));
    }
    if (days.to() != null) {
      range.put("$lt", days.toMillis(zone));
    }
    if (!range.isEmpty()) {
      query.put("createdAt", range);
    }
    boolean personal = MemberScope.seesPersonal(who);
    return store.find(query, READ).map(docs -> {
      List<List<Object>> rows = new ArrayList<>();
      for (int i = docs.size() - 1; i >= 0; i--) {
        rows.add(row(docs.get(i), personal, zone));
      }
      String grid = gridId == null ? "" : "；网格 " + gridId;
      return new ExportTable(ExportName.REQUESTS, header(personal), rows, days.describe("登记日期") + grid,
          personal ? null : "您的账号不能查看个人信息：不含居民姓名、电话和手写的地点");
    });
  }

  private static List<Object> row(JsonObject doc, boolean personal, ZoneId zone) {
    JsonObject where = doc.getJsonObject("where", new JsonObject());
    List<Object> row = new ArrayList<>(Arrays.asList(doc.getString("number"), PublicTitles.of(doc),
        CHANNELS.getOrDefault(RequestChannel.of(doc), doc.getString("channel")), doc.getString("kind"),
        where.getString("gridName"), personal ? where.getString("building") : PublicTitles.building(where),
        RequestLabels.status(RequestStatus.valueOf(doc.getString("status"))), Cells.time(doc.getLong("createdAt"), zone)));
    JsonArray history = doc.getJsonArray("history", new JsonArray());
    STEPS.keySet().forEach(event -> row.add(Cells.time(firstAt(history, event), zone)));
    JsonArray ratings = doc.getJsonArray("ratings", new JsonArray());
    row.add(ratings.isEmpty() ? null : RATINGS.get(ratings.getJsonObject(ratings.size() - 1).getString("rating")));
    if (personal) {
      JsonObject resident = doc.getJsonObject("resident") == null ? new JsonObject() : doc.getJsonObject("resident");
      row.add(resident.getString("name"));
      row.add(resident.getString("phone"));
    }
    return row;
  }

  private static Long firstAt(JsonArray history, String event) {
    return history.stream().map(JsonObject.class::cast).filter(h -> event.equals(h.getString("event")))
        .map(h -> h.getLong("at")).findFirst().orElse(null);
  }

  static Set<String> params() {
    return Set.of("from", "to", "gridId");
  }
}
