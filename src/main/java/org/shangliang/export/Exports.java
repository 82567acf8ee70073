package org.shangliang.export;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.AuditLog;
import org.shangliang.common.Identity;
import org.shangliang.community.CommunitySettings;
import org.shangliang.store.Database;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * The spreadsheet exports (GET /api/exports/&lt;name&gt;.xlsx and .csv): the rows each export
 * gives the caller, in the community's time zone, written as a file on a worker thread (a year of
 * requests takes POI a noticeable while). Each download is audited, since several hold personal data.
 */
public final class Exports {
  public static final String AREA = "export";

  private final Vertx vertx;
  private final Database db;
  private final CommunitySettings community;
  private final AuditLog audit;
  private final MeetingSheet meetings;
  private final ResolutionSheet resolutions;
  private final RequestSheet requests;
  private final RateSheet rates;
  private final MemberSheet members;
  private final EvaluationSheet evaluation;

  public Exports(Vertx vertx, Database db) {
    this.vertx = vertx;
    this.db = db;
    this.community = new CommunitySettings(db.mongo());
    this.audit = new AuditLog(db.mongo());
    this.meetings = new MeetingSheet(db);
    this.resolutions = new ResolutionSheet(db);
    this.requests = new RequestSheet(db);
    this.rates = new RateSheet(db);
    this.members = new MemberSheet(db);
    this.evaluation = new EvaluationSheet(db);
  }

  /** The file {@code who} asked for; BAD_REQUEST for a filter the export does not take or cannot read. */
  public Future<byte[]> file(ExportName name, ExportFormat format, Identity who, MultiMap params) {
    ExportFilter filter = new ExportFilter(params, params(name));
    JsonObject asked = new JsonObject().put("name", name.route()).put("format", format.extension());
    params.names().forEach(p -> asked.put(p, params.get(p)));
    return community.zone().compose(zone -> {
      if (name == ExportName.MEMBERS && format == ExportFormat.CSV) {
        return members.csv(who);
      }
      return table(name, who, filter, zone).compose(table -> vertx.executeBlocking(() -> format == ExportFormat.CSV
          ? CsvFile.write(table) : XlsxFile.write(table, who.name(), LocalDateTime.now(zone)), false));
    }).compose(bytes -> audit.record(who, AREA, "exportFile", asked).compose(v -> db.durable()).map(v -> bytes));
  }

  private Future<ExportTable> table(ExportName name, Identity who, ExportFilter filter, ZoneId zone) {
    return switch (name) {
      case MEETINGS -> meetings.table(filter, zone);
      case RESOLUTIONS -> resolutions.table(who, filter, zone);
      case REQUESTS -> requests.table(who, filter, zone);
      case RATES -> rates.table(filter, zone);
      case MEMBERS -> members.table(who);
      case EVALUATION -> evaluation.table(filter, zone);
    };
  }

  private static Set<String> params(ExportName name) {
    return switch (name) {
      case MEETINGS -> MeetingSheet.params();
      case RESOLUTIONS -> ResolutionSheet.params();
      case REQUESTS -> RequestSheet.params();
      case RATES -> RateSheet.params();
      case MEMBERS -> MemberSheet.params();
      case EVALUATION -> EvaluationSheet.params();
    };
  }
}
