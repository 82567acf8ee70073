package org.shangliang.support;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.shangliang.app.DemoData;
import org.shangliang.room.RoomAddresses;

/** Room commands to the demo room over a bridge client, and the demo's attendees by number (1–10). */
public final class DemoRoom {
  private DemoRoom() {
  }

  public static Future<JsonObject> command(BridgeClient client, String action, JsonObject params) {
    return client.request(RoomAddresses.COMMANDS, params.copy().put("action", action).put("roomId", DemoData.ROOM_ID));
  }

  public static Future<JsonObject> command(BridgeClient client, String action) {
    return command(client, action, new JsonObject());
  }

  /** The id of the demo's n-th invited attendee. */
  public static String attendee(int n) {
    return String.format("00000000000000000000d%03d", n);
  }
}
