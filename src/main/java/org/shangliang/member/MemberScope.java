package org.shangliang.member;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;

import java.util.regex.Pattern;

/**
 * Who sees which members and which of their fields. A grid worker works only with the members of
 * their grids: a member outside them is, to them, a member that does not exist (NOT_FOUND), and
 * naming a grid that is not theirs is refused (FORBIDDEN). Phone and note are personal: only roles
 * that contact members see them; a read-only viewer never receives them.
 */
public final class MemberScope {
  private MemberScope() {
  }

  /** Whether {@code who} may see members' phone numbers and notes. */
  public static boolean seesPersonal(Identity who) {
    if (who.type() != Identity.Type.ACCOUNT) {
      return false;
    }
    return switch (who.role()) {
      case ADMIN, CADRE, STAFF, GRID_WORKER -> true;
      default -> false;
    };
  }

  /** Refuses a grid (null: no grid) that {@code who} does not work in. */
  public static void requireGrid(Identity who, String gridId) {
    if (!who.covers(gridId)) {
      throw new Failure(ErrorCode.FORBIDDEN, gridId == null
          ? "请选择您负责的网格" : "只能查看和登记您负责的网格的成员");
    }
  }

  /** The member as {@code who} may know it exists; NOT_FOUND when it does not, or not for them. */
  public static JsonObject visible(JsonObject doc, Identity who) {
    if (doc == null || !who.covers(doc.getString("gridId"))) {
      throw new Failure(ErrorCode.NOT_FOUND, "没有这位议事成员");
    }
    return doc;
  }

  /**
   * The query for the members {@code who} may list, narrowed by the filters; {@code gridId} null
   * means every grid they may see, {@code kind}, {@code text} null mean no such filter.
   */
  public static JsonObject query(Identity who, String gridId, String kind, String text, boolean includeInactive) {
    JsonObject query = new JsonObject();
    if (gridId != null) {
      requireGrid(who, gridId);
      query.put("gridId", gridId);
    } else if (who.isGridScoped()) {
      query.put("gridId", new JsonObject().put("$in", new JsonArray(who.gridIds())));
    }
    if (kind != null) {
      query.put("kinds", kind);
    }
    if (text != null && !text.isBlank()) {
      // name and building only: searching the personal fields would tell a viewer what they hold
      JsonObject like = new JsonObject().put("$regex", Pattern.quote(text.trim())).put("$options", "i");
      query.put("$or", new JsonArray().add(new JsonObject().put("name", like))
          .add(new JsonObject().put("building", like)));
    }
    if (!includeInactive) {
      query.put("active", true);
    }
    return query;
  }

  /** The member as {@code who} receives it: without phone and note unless they may see them. */
  public static JsonObject view(JsonObject doc, Identity who) {
    JsonObject view = new JsonObject().put("id", doc.getString("_id")).put("name", doc.getString("name"))
        .put("kinds", doc.getJsonArray("kinds", new JsonArray())).put("partyMember", doc.getBoolean("partyMember", false))
        .put("capable", doc.getBoolean("capable", false)).put("gridId", doc.getString("gridId"))
        .put("building", doc.getString("building")).put("active", doc.getBoolean("active", true))
        .put("createdAt", doc.getLong("createdAt")).put("updatedAt", doc.getLong("updatedAt"));
    if (seesPersonal(who)) {
      view.put("phone", doc.getString("phone")).put("note", doc.getString("note"));
    }
    return view;
  }
}
