package org.shangliang.web;

import io.netty.buffer.ByteBufUtil;
import io.vertx.core.json.JsonObject;

/**
 * A bridge frame as the text a SockJS session takes, and its size in UTF-8 bytes, which the
 * outbox counts. A session turns a Buffer back into text before framing it, once per socket: given
 * the text, a broadcast's frame is decoded never and measured once.
 */
record OutgoingFrame(String text, int bytes) {
  static OutgoingFrame of(JsonObject envelope) {
    String text = envelope.encode();
    return new OutgoingFrame(text, ByteBufUtil.utf8Bytes(text));
  }
}
