package org.shangliang.room;

import io.vertx.core.json.JsonObject;
import org.shangliang.common.AuditLog;
import org.shangliang.common.Identity;

/** A validated, authorised command: who sent it, for which room, with which parameters. */
public record Command(Identity who, String roomId, JsonObject body) {

  public String action() { return body.getString("action"); }

  /** The parameters as the audit log keeps them. */
  JsonObject auditEntry(long now) {
    JsonObject params = body.copy();
    params.remove("action");
    params.remove("roomId");
    return AuditLog.entry(who, "room", action(), params, now).put("roomId", roomId);
  }
}
