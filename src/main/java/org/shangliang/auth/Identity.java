package org.shangliang.auth;

import io.vertx.core.json.JsonObject;

/**
 * Who sent a message, as the server established it from a token. Handlers read it from the
 * message headers, where only the bridge hook (or the server itself) puts it.
 */
public record Identity(Type type, Role role, String id, String name, String roomId, boolean shared) {
  public static final String HEADER = "actor";
  /** Set beside {@link #HEADER} when the caller's token could not be checked: the failure's code. */
  public static final String UNRESOLVED_HEADER = "actorUnresolved";
  public static final Identity ANONYMOUS = new Identity(Type.ANONYMOUS, Role.NONE, null, null, null, false);

  /** What kind of caller this is. */
  public enum Type { DEVICE, ACCOUNT, ANONYMOUS }

  /** What a caller may do. */
  public enum Role { KIOSK, DISPLAY, HOST, STAFF, NONE }

  public static Identity device(String deviceId, Role role, String name, String roomId, boolean shared) {
    return new Identity(Type.DEVICE, role, deviceId, name, roomId, shared);
  }

  public static Identity account(String accountId, Role role, String name) {
    return new Identity(Type.ACCOUNT, role, accountId, name, null, false);
  }

  public boolean isHost() { return role == Role.HOST; }

  public boolean isStaff() { return role == Role.HOST || role == Role.STAFF; }

  /** Whether this caller belongs to the room: its own room for a device, any room for a host. */
  public boolean belongsTo(String room) {
    return isHost() || (type == Type.DEVICE && roomId != null && roomId.equals(room));
  }

  public JsonObject toJson() {
    return new JsonObject().put("type", type.name()).put("role", role.name()).put("id", id)
        .put("name", name).put("roomId", roomId).put("shared", shared);
  }

  public static Identity fromJson(JsonObject json) {
    if (json == null) {
      return ANONYMOUS;
    }
    return new Identity(Type.valueOf(json.getString("type")), Role.valueOf(json.getString("role")),
        json.getString("id"), json.getString("name"), json.getString("roomId"), json.getBoolean("shared", false));
  }

  /** The form pages see in the reply to {@code hello}. */
  public JsonObject toPublicJson() {
    return switch (type) {
      case DEVICE -> new JsonObject().put("type", "device").put("deviceId", id)
          .put("deviceKind", role.name().toLowerCase()).put("roomId", roomId).put("name", name).put("shared", shared);
      case ACCOUNT -> new JsonObject().put("type", "account").put("accountId", id)
          .put("role", role.name().toLowerCase()).put("name", name);
      case ANONYMOUS -> new JsonObject().put("type", "anonymous");
    };
  }
}
