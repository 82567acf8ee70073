package org.shangliang.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.Identity;
import org.shangliang.request.PublicTitles;
import org.shangliang.request.RequestViews;

import java.util.Locale;
import java.util.stream.Stream;

/**
 * A search of residents' requests by number, words, building and status. Staff see the staff view;
 * a grid worker only the requests of their grids; a read-only viewer neither what a resident wrote
 * nor who they are: the viewer's line holds the public title and the structured fields only, and
 * their words are matched against those only, so a search cannot tell them what a request says.
 */
record RequestSearch(String number, String text, String building, String status, boolean personal) {
  /** Requests a search looks through, newest first. */
  static final int READ = 2_000;

  static RequestSearch of(JsonObject body, Identity who) {
    return new RequestSearch(lower(body.getString("number")), lower(body.getString("text")),
        lower(body.getString("building")), body.getString("status"), ArchiveConsole.seesPersonal(who));
  }

  /** Status and the caller's grids, for the database. */
  JsonObject query(Identity who) {
    JsonObject query = new JsonObject();
    if (status != null) {
      query.put("status", status);
    }
    if (who.isGridScoped()) {
      query.put("where.gridId", new JsonObject().put("$in", new JsonArray(who.gridIds())));
    }
    return query;
  }

  boolean matches(JsonObject request) {
    JsonObject where = request.getJsonObject("where", new JsonObject());
    return (number == null || has(request.getString("number"), number))
        && (status == null || status.equals(request.getString("status")))
        && (building == null || has(buildingOf(where), building))
        && (text == null || searched(request, where).anyMatch(field -> has(field, text)));
  }

  JsonObject view(JsonObject request) {
    if (personal) {
      return RequestViews.staffView(request);
    }
    JsonObject where = request.getJsonObject("where", new JsonObject());
    return new JsonObject().put("id", request.getString("_id")).put("number", request.getString("number"))
        .put("kind", request.getString("kind")).put("publicTitle", PublicTitles.of(request))
        .put("where", new JsonObject().put("gridId", where.getString("gridId")).put("gridName", where.getString("gridName"))
            .put("building", PublicTitles.building(where)))
        .put("status", request.getString("status")).put("createdAt", request.getLong("createdAt"))
        .put("updatedAt", request.getLong("updatedAt"));
  }

  /** A place typed freely may name a flat or a person: a viewer searches the building numbers only. */
  private String buildingOf(JsonObject where) {
    return personal ? where.getString("building") : PublicTitles.building(where);
  }

  private Stream<String> searched(JsonObject request, JsonObject where) {
    Stream<String> shown = Stream.of(PublicTitles.of(request), request.getString("kind"), where.getString("gridName"));
    return personal ? Stream.concat(shown, Stream.of(request.getString("what"), where.getString("building"))) : shown;
  }

  private static boolean has(String field, String part) {
    return field != null && field.toLowerCase(Locale.ROOT).contains(part);
  }

  private static String lower(String value) {
    return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
  }
}
