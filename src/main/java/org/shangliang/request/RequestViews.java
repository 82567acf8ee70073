package org.shangliang.request;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The ways a request is shown. Staff whose work needs it see everything; everyone else (the status
 * page, displays, notices, Open311) sees public views, built by naming what they may hold, so a
 * field added later stays private until someone decides otherwise. No public view holds anything a
 * resident typed: the request is named by its public title ({@link PublicTitles}).
 */
public final class RequestViews {
  /** Fields that identify a resident: never outside the staff view. */
  public static final Set<String> PERSONAL = Set.of("resident", "photoId");

  private RequestViews() {
  }

  public static JsonObject staffView(JsonObject doc) {
    JsonObject view = doc.copy();
    view.put("id", view.remove("_id"));
    view.put("channel", RequestChannel.of(doc));
    view.remove("statusTokenHash");
    return view;
  }

  /**
   * Kind, public title, place, status and progress, with what was agreed and the note staff wrote
   * when it was done (the console tells them the resident reads both); not what the resident wrote, no name, phone or
   * photo, and no staff notes. A status token can be seen over a shoulder or in a photo of a kiosk.
   */
  public static JsonObject publicView(JsonObject doc) {
    JsonObject where = doc.getJsonObject("where", new JsonObject());
    JsonArray steps = new JsonArray();
    doc.getJsonArray("history", new JsonArray()).forEach(o -> {
      JsonObject h = (JsonObject) o;
      if (!RequestActions.TITLE_EVENT.equals(h.getString("event"))) {
        steps.add(new JsonObject().put("event", h.getString("event")).put("status", h.getString("to")).put("at", h.getLong("at")));
      }
    });
    JsonObject topic = doc.getJsonObject("topic");
    return new JsonObject().put("number", doc.getString("number")).put("kind", doc.getString("kind"))
        .put("publicTitle", PublicTitles.of(doc))
        .put("where", new JsonObject().put("gridId", where.getString("gridId")).put("gridName", where.getString("gridName"))
            .put("building", PublicTitles.building(where)))
        .put("status", doc.getString("status")).put("createdAt", doc.getLong("createdAt"))
        .put("updatedAt", doc.getLong("updatedAt")).put("steps", steps)
        .put("resolution", topic == null ? null : topic.getJsonObject("resolution"))
        .put("agreedAction", lastOf(doc, "agreements", "action"))
        .put("dueAt", lastLong(doc, "agreements", "dueAt"))
        .put("doneNote", lastOf(doc, "completions", "note")).put("doneAt", lastLong(doc, "completions", "at"));
  }

  /**
   * The one line a public progress board (实时晒单) shows; {@code reopened} says a resident found
   * the work not done (不满意) and it was taken up again, not who or why.
   */
  public static JsonObject boardLine(JsonObject doc) {
    JsonObject where = doc.getJsonObject("where", new JsonObject());
    return new JsonObject().put("number", doc.getString("number")).put("kind", doc.getString("kind"))
        .put("gridName", where.getString("gridName")).put("title", PublicTitles.of(doc))
        .put("status", doc.getString("status")).put("updatedAt", doc.getLong("updatedAt"))
        .put("reopened", doc.getInteger("reopenCount", 0) > 0);
  }

  /**
   * One item of the published topic list (议题清单). {@code named} says staff gave the title, so
   * the list adds the kind and grid that a default title already holds.
   */
  public static JsonObject topicLine(JsonObject doc, int urgency) {
    JsonObject topic = doc.getJsonObject("topic");
    return new JsonObject().put("number", doc.getString("number")).put("kind", doc.getString("kind"))
        .put("gridName", doc.getJsonObject("where", new JsonObject()).getString("gridName"))
        .put("title", PublicTitles.of(doc)).put("named", !PublicTitles.isDefault(doc))
        .put("topicKind", topic == null ? null : topic.getString("topicKind")).put("urgency", urgency);
  }

  /**
   * A request as Open311 GeoReport v2 describes one, public fields only: the public title as its
   * description (what residents write names people and numbers), no resident, no photo, and a
   * place typed as free text left out of the address. Times are given in {@code zone}, the community's.
   */
  public static JsonObject open311View(JsonObject doc, java.time.ZoneId zone) {
    JsonObject where = doc.getJsonObject("where", new JsonObject());
    RequestStatus status = RequestStatus.valueOf(doc.getString("status"));
    String building = PublicTitles.building(where);
    return new JsonObject().put("service_request_id", doc.getString("number"))
        .put("status", status == RequestStatus.CLOSED ? "closed" : "open")
        .put("status_notes", RequestLabels.status(status))
        .put("service_name", doc.getString("kind")).put("service_code", doc.getString("kind"))
        .put("description", PublicTitles.of(doc))
        .put("agency_responsible", agency(doc))
        .put("requested_datetime", iso(doc.getLong("createdAt"), zone)).put("updated_datetime", iso(doc.getLong("updatedAt"), zone))
        .put("address", where.getString("gridName", "") + (building == null ? "" : " " + building));
  }

  private static String agency(JsonObject doc) {
    JsonArray transfers = doc.getJsonArray("transfers", new JsonArray());
    if (RequestStatus.TRANSFERRED.name().equals(doc.getString("status")) && !transfers.isEmpty()) {
      return transfers.getJsonObject(transfers.size() - 1).getString("toName");
    }
    return lastOf(doc, "escalations", "level") != null ? switch (lastOf(doc, "escalations", "level")) {
      case "COMMUNITY_OFFICES" -> "社区两办两中心";
      case "COMMUNITY_COUNCIL" -> "社区协商议事会";
      default -> "街道协商议事工作站";
    } : "网格";
  }

  private static String iso(Long millis, java.time.ZoneId zone) {
    return millis == null ? null : java.time.Instant.ofEpochMilli(millis).atZone(zone)
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static String lastOf(JsonObject doc, String array, String field) {
    JsonArray items = doc.getJsonArray(array, new JsonArray());
    return items.isEmpty() ? null : items.getJsonObject(items.size() - 1).getString(field);
  }

  private static Long lastLong(JsonObject doc, String array, String field) {
    JsonArray items = doc.getJsonArray(array, new JsonArray());
    return items.isEmpty() ? null : items.getJsonObject(items.size() - 1).getLong(field);
  }
}
