package org.shangliang.web;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * The bridge frame of a pushed message, encoded once for all the sockets it goes to. A publish
 * reaches the sockets registered on its address one after another with the same body, and the
 * bridge would otherwise escape that body again for each of them (a snapshot with the attendee
 * list is tens of kilobytes). Only a body that is the very same String is taken as the same
 * message.
 */
final class PushFrames {
  private Object body;
  private String address;
  private Object headers;
  private OutgoingFrame frame;

  /** The envelope {type, address, body[, headers]} as a frame, reusing the last one's when it is the same message. */
  OutgoingFrame encode(JsonObject envelope) {
    Object nextBody = envelope.getValue("body");
    String nextAddress = envelope.getString("address");
    Object nextHeaders = envelope.getValue("headers");
    boolean same = nextBody instanceof String && nextBody == body && nextAddress.equals(address)
        && Objects.equals(nextHeaders, headers) && !envelope.containsKey("replyAddress");
    if (!same) {
      body = nextBody;
      address = nextAddress;
      headers = nextHeaders;
      frame = OutgoingFrame.of(envelope);
    }
    return frame;
  }
}
