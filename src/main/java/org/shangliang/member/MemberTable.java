package org.shangliang.member;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;
import org.shangliang.common.AuditLog;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.common.SpreadsheetText;
import org.shangliang.community.Grids;
import org.shangliang.store.Database;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The register as a spreadsheet (GET and POST /api/members.csv): export what the caller may see;
 * import all rows or none. A row naming a member already registered (same name and phone; without
 * a phone, same name in the same grid with no phone) updates that member instead of adding one.
 */
public final class MemberTable {
  /** An export holds at most this many members. */
  public static final int MAX_EXPORT = 20_000;

  private final Database db;
  private final MemberStore store;
  private final Grids grids;
  private final AuditLog audit;
  private final Schemas schemas = Schemas.load("schemas/member-commands.json", "action");

  public MemberTable(Database db) {
    this.db = db;
    this.store = new MemberStore(db.mongo());
    this.grids = new Grids(db.mongo());
    this.audit = new AuditLog(db.mongo());
  }

  /** Every member {@code who} may see, inactive ones too, as a CSV file. */
  public Future<byte[]> export(Identity who) {
    return visible(who).map(read -> MemberCsv.write(read.members(), read.gridNames(), MemberScope.seesPersonal(who)));
  }

  /** The same members as rows of {@link MemberCsv#cells}, for the xlsx export. */
  public Future<List<List<String>>> rows(Identity who) {
    boolean personal = MemberScope.seesPersonal(who);
    return visible(who).map(read -> read.members().stream().map(m -> MemberCsv.cells(m, read.gridNames(), personal)).toList());
  }

  private record Visible(List<JsonObject> members, Map<String, String> gridNames) {
  }

  private Future<Visible> visible(Identity who) {
    JsonObject query = MemberScope.query(who, null, null, null, true);
    return Future.all(grids.all(), store.find(query, MAX_EXPORT)).map(all -> {
      Map<String, String> gridNames = new HashMap<>();
      all.<List<JsonObject>>resultAt(0).forEach(g -> gridNames.put(g.getString("_id"), g.getString("name")));
      return new Visible(all.resultAt(1), gridNames);
    });
  }

  /** Imports a file: answers {imported, updated, errors}; with any error, nothing is saved. */
  public Future<JsonObject> importFile(Identity who, byte[] file) {
    if (!who.isEditor()) {
      return Future.failedFuture(new Failure(ErrorCode.FORBIDDEN));
    }
    MemberCsv.Table table = MemberCsv.read(file);
    if (!table.errors().isEmpty()) {
      return Future.succeededFuture(report(0, 0, table.errors()));
    }
    Set<String> names = new LinkedHashSet<>();
    table.rows().forEach(row -> names.add(SpreadsheetText.plain(row.cell(MemberCsv.NAME))));
    return Future.all(grids.all(), store.named(names)).compose(all -> {
      Map<String, String> gridIds = new HashMap<>();
      all.<List<JsonObject>>resultAt(0).forEach(g -> gridIds.put(g.getString("name"), g.getString("_id")));
      return apply(who, table.rows(), new MemberRows(gridIds, who, schemas), all.resultAt(1));
    });
  }

  private Future<JsonObject> apply(Identity who, List<MemberCsv.Row> rows, MemberRows reader, List<JsonObject> known) {
    Map<String, JsonObject> existing = new HashMap<>();
    known.forEach(m -> existing.putIfAbsent(key(m), m));
    Map<String, Long> seen = new HashMap<>();
    List<JsonObject> errors = new ArrayList<>();
    List<JsonObject> inserts = new ArrayList<>();
    List<JsonObject> replacements = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (MemberCsv.Row row : rows) {
      JsonObject fields = reader.read(row, errors);
      if (fields == null) {
        continue;
      }
      String key = key(fields);
      Long first = seen.putIfAbsent(key, row.number());
      JsonObject match = existing.get(key);
      if (first != null) {
        errors.add(MemberCsv.error(row.number(), MemberCsv.NAME, "与第 " + first + " 行是同一个人（同名同电话）"));
      } else if (match != null && !who.covers(match.getString("gridId"))) {
        errors.add(MemberCsv.error(row.number(), MemberCsv.NAME, "同名同电话的成员在您不负责的网格，不能修改"));
      } else {
        Boolean active = (Boolean) fields.remove("active");
        JsonObject doc = match == null
            ? new JsonObject().put("_id", new ObjectId().toHexString()).put("active", true).put("createdAt", now)
            : match.copy();
        MemberFields.apply(doc, fields, now);
        if (active != null) {
          doc.put("active", active);
        }
        (match == null ? inserts : replacements).add(doc);
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(e -> e.getLong("row")));
      return Future.succeededFuture(report(0, 0, errors));
    }
    JsonObject counts = new JsonObject().put("imported", inserts.size()).put("updated", replacements.size())
        .put("rows", rows.size());
    return store.write(inserts, replacements).compose(v -> audit.record(who, MemberConsole.AREA, "importMembers", counts))
        .compose(v -> db.durable()).map(v -> report(inserts.size(), replacements.size(), List.of()));
  }

  /** Who a member is for an import: name and phone, or name and grid for one without a phone. */
  private static String key(JsonObject member) {
    String phone = member.getString("phone");
    return member.getString("name") + "\n" + (phone != null ? "phone:" + phone : "grid:" + member.getString("gridId"));
  }

  private static JsonObject report(int imported, int updated, List<JsonObject> errors) {
    return new JsonObject().put("imported", imported).put("updated", updated).put("errors", new JsonArray(new ArrayList<>(errors)));
  }
}
