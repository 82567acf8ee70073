package org.shangliang.common;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Who sent a message, as the server established it from a token. Handlers read it from the
 * message headers, where only the bridge hook (or the server itself) puts it. A grid worker's
 * identity carries the grids they work in: what they may see and change is limited to those.
 */
public record Identity(Type type, Role role, String id, String name, String roomId, boolean shared, List<String> gridIds) {
  public static final String HEADER = "actor";
  /** Set beside {@link #HEADER} when the caller's token could not be checked: the failure's code. */
  public static final String UNRESOLVED_HEADER = "actorUnresolved";
  public static final Identity ANONYMOUS = new Identity(Type.ANONYMOUS, Role.NONE, null, null, null, false, List.of());

  /** What kind of caller this is. */
  public enum Type { DEVICE, ACCOUNT, ANONYMOUS }

  /**
   * What a caller may do. Devices are kiosks and displays; accounts are people:
   * an administrator (accounts, the community, devices, and everything staff do), a community cadre
   * (社区干部: hosts meetings, works the console), a grid worker (网格员: hosts meetings, works the
   * console within their grids), staff (notices and requests) and a read-only viewer.
   */
  public enum Role {
    KIOSK, DISPLAY, ADMIN, CADRE, GRID_WORKER, STAFF, VIEWER, NONE;

    /** A stored role; accounts and sessions from before roles were split stored HOST for the cadre's role. */
    public static Role parse(String stored) {
      return "HOST".equals(stored) ? CADRE : valueOf(stored);
    }

    /** The roles a person's account can have. */
    public boolean isAccountRole() {
      return this == ADMIN || this == CADRE || this == GRID_WORKER || this == STAFF || this == VIEWER;
    }
  }

  public Identity {
    gridIds = gridIds == null ? List.of() : List.copyOf(gridIds);
  }

  public static Identity device(String deviceId, Role role, String name, String roomId, boolean shared) {
    return new Identity(Type.DEVICE, role, deviceId, name, roomId, shared, List.of());
  }

  public static Identity account(String accountId, Role role, String name) {
    return account(accountId, role, name, List.of());
  }

  public static Identity account(String accountId, Role role, String name, List<String> gridIds) {
    return new Identity(Type.ACCOUNT, role, accountId, name, null, false, gridIds);
  }

  /** May run a meeting from the host console (双主持: a cadre and a grid worker; an administrator too). */
  public boolean isHost() {
    return type == Type.ACCOUNT && (role == Role.ADMIN || role == Role.CADRE || role == Role.GRID_WORKER);
  }

  /** May open the staff console and read what it shows (within their grids, for a grid worker). */
  public boolean isStaff() {
    return type == Type.ACCOUNT && role.isAccountRole();
  }

  /** May change what the staff console shows: every account role but the read-only viewer. */
  public boolean isEditor() {
    return isStaff() && role != Role.VIEWER;
  }

  /** May manage accounts, the community, its grids, rooms and devices. */
  public boolean isAdmin() {
    return type == Type.ACCOUNT && role == Role.ADMIN;
  }

  /** Whether this caller's work is limited to some grids (a grid worker's is). */
  public boolean isGridScoped() {
    return type == Type.ACCOUNT && role == Role.GRID_WORKER;
  }

  /** Whether this caller may see and act on what belongs to the grid (null: to no grid, community-wide). */
  public boolean covers(String gridId) {
    return !isGridScoped() || (gridId != null && gridIds.contains(gridId));
  }

  /** Whether this caller belongs to the room: its own room for a device, any room for a host. */
  public boolean belongsTo(String room) {
    return isHost() || (type == Type.DEVICE && roomId != null && roomId.equals(room));
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("type", type.name()).put("role", role.name()).put("id", id)
        .put("name", name).put("roomId", roomId).put("shared", shared);
    if (!gridIds.isEmpty()) {
      json.put("gridIds", new JsonArray(gridIds));
    }
    return json;
  }

  public static Identity fromJson(JsonObject json) {
    if (json == null) {
      return ANONYMOUS;
    }
    JsonArray grids = json.getJsonArray("gridIds");
    return new Identity(Type.valueOf(json.getString("type")), Role.parse(json.getString("role")),
        json.getString("id"), json.getString("name"), json.getString("roomId"), json.getBoolean("shared", false),
        grids == null ? List.of() : grids.stream().map(String::valueOf).toList());
  }

  /** The form pages see in the reply to {@code hello}. */
  public JsonObject toPublicJson() {
    return switch (type) {
      case DEVICE -> new JsonObject().put("type", "device").put("deviceId", id)
          .put("deviceKind", role.name().toLowerCase()).put("roomId", roomId).put("name", name).put("shared", shared);
      case ACCOUNT -> new JsonObject().put("type", "account").put("accountId", id)
          .put("role", role.name().toLowerCase()).put("name", name).put("gridIds", new JsonArray(gridIds));
      case ANONYMOUS -> new JsonObject().put("type", "anonymous");
    };
  }
}
