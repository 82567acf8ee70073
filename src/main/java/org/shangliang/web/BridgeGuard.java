package org.shangliang.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.shangliang.auth.Credentials;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.notice.SignageAddresses;
import org.shangliang.request.RequestVerticle;
import org.shangliang.room.RoomAddresses;

import java.util.Locale;

/**
 * The bridge's gatekeeper. The permitted addresses are exact (commands) or one anchored pattern
 * (a room's state); beyond that, every frame's token is resolved here: a registration is allowed
 * only for a room the caller belongs to, and a sent message has its headers replaced by the
 * caller's identity, so handlers never see anything identity-like that a page wrote. What goes out
 * to a socket passes through {@link SlowReaders}, which keeps a page that stops reading from
 * holding the server.
 */
final class BridgeGuard implements Handler<BridgeEvent> {
  /**
   * The bridge's own check hears only pings, and a board that talks every 30 s never pings, so it
   * is held back to once a month; {@link SilentSockets} closes what sends nothing at all. (Netty
   * keeps a timer a month ahead as cheaply as one a minute ahead.)
   */
  static final long PING_TIMEOUT_MS = 30L * 24 * 3600 * 1000;
  static final String TOKEN_HEADER = "auth";
  /** Each request in flight holds a reply handler on its socket: room for a page's bursts, not for abuse. */
  static final int MAX_HANDLERS_PER_SOCKET = 128;
  /** WebSocket close codes (RFC 6455). */
  static final int PROTOCOL_ERROR = 1002;
  static final int MESSAGE_TOO_BIG = 1009;
  static final int INTERNAL_ERROR = 1011;
  private final Credentials credentials;
  private final SlowReaders slowReaders;
  private final TallyListeners tallyListeners;

  BridgeGuard(Credentials credentials, SlowReaders slowReaders, TallyListeners tallyListeners) {
    this.credentials = credentials;
    this.slowReaders = slowReaders;
    this.tallyListeners = tallyListeners;
  }

  static SockJSBridgeOptions options() {
    return new SockJSBridgeOptions()
        .addInboundPermitted(new PermittedOptions().setAddress(RoomAddresses.COMMANDS))
        .addInboundPermitted(new PermittedOptions().setAddress(ConsoleAddresses.NOTICES))
        .addInboundPermitted(new PermittedOptions().setAddress(ConsoleAddresses.PLANNING))
        .addInboundPermitted(new PermittedOptions().setAddress(ConsoleAddresses.ROUNDS))
        .addInboundPermitted(new PermittedOptions().setAddress(SignageAddresses.SIGNAGE))
        .addInboundPermitted(new PermittedOptions().setAddress(RequestVerticle.COMMANDS))
        .addInboundPermitted(new PermittedOptions().setAddress(ConsoleAddresses.MEMBERS))
        .addInboundPermitted(new PermittedOptions().setAddress(ConsoleAddresses.ADMIN))
        .addInboundPermitted(new PermittedOptions().setAddress(ConsoleAddresses.COMMUNITY))
        .addInboundPermitted(new PermittedOptions().setAddress(ConsoleAddresses.ARCHIVE))
        .addInboundPermitted(new PermittedOptions().setAddress(ConsoleAddresses.MINUTES))
        .addInboundPermitted(new PermittedOptions().setAddress(ConsoleAddresses.FOLLOW_UP))
        .addInboundPermitted(new PermittedOptions().setAddress(ConsoleAddresses.EVALUATION))
        .addInboundPermitted(new PermittedOptions().setAddress(ConsoleAddresses.FORUM))
        // The bridge tries these in order, a regular expression each, for every frame to every
        // page: the tally, pushed every 25 ms in a vote, comes first.
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(RoomAddresses.TALLY_PATTERN))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(RoomAddresses.STATE_PATTERN))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(SignageAddresses.DISPLAY_PATTERN))
        .setMaxAddressLength(64)
        .setMaxHandlersPerSocket(MAX_HANDLERS_PER_SOCKET)
        .setReplyTimeout(15_000)
        .setPingTimeout(PING_TIMEOUT_MS);
  }

  @Override
  public void handle(BridgeEvent event) {
    BridgeEventType type = event.type();
    if (type == BridgeEventType.PUBLISH) {
      event.complete(false);
    } else if (type == BridgeEventType.SEND || type == BridgeEventType.REGISTER) {
      JsonObject frame = event.getRawMessage();
      credentials.resolve(tokenOf(frame)).onComplete(ar -> {
        Identity who = ar.succeeded() ? ar.result() : Identity.ANONYMOUS;
        if (type == BridgeEventType.REGISTER) {
          boolean may = mayListen(who, frame.getString("address"));
          if (may) {
            tallyListeners.registered(event.socket(), frame.getString("address"));
          }
          event.complete(may);
        } else {
          JsonObject headers = new JsonObject().put(Identity.HEADER, who.toJson().encode());
          if (ar.failed()) {
            // Not "anonymous": the token could not be checked (the database did not answer), and
            // the handler answers that by name instead of UNAUTHENTICATED.
            headers.put(Identity.UNRESOLVED_HEADER, Failure.of(ar.cause()).code().name());
          }
          frame.put("headers", headers);
          event.setRawMessage(frame);
          event.complete(true);
        }
      });
    } else if (type == BridgeEventType.SOCKET_ERROR) {
      slowReaders.closed(event.socket());
      tallyListeners.closed(event.socket());
      endBrokenSocket(event);
      event.complete(true);
    } else if (type == BridgeEventType.RECEIVE) {
      slowReaders.deliver(event, isPushed(event.getRawMessage().getString("address")));
    } else {
      if (type == BridgeEventType.SOCKET_CREATED) {
        slowReaders.opened(event.socket());
      } else if (type == BridgeEventType.SOCKET_CLOSED) {
        slowReaders.closed(event.socket());
        tallyListeners.closed(event.socket());
      } else if (type == BridgeEventType.SOCKET_PING) {
        slowReaders.pinged(event.socket());
      } else if (type == BridgeEventType.UNREGISTER && event.getRawMessage() != null) {
        tallyListeners.unregistered(event.socket(), event.getRawMessage().getString("address"));
      }
      event.complete(true);
    }
  }

  /**
   * After a socket error the bridge has already dropped the socket's registrations and ignores what
   * it sends from then on: left open, the page would wait on a dead socket. So it is closed with a
   * code that says why (Vert.x's and Netty's words for the cause are matched here), and a message
   * over the size limit is named first.
   */
  private static void endBrokenSocket(BridgeEvent event) {
    JsonObject error = event.getRawMessage();
    String cause = error == null ? "" : error.getString("message", "").toLowerCase(Locale.ROOT);
    SockJSSocket socket = event.socket();
    if (cause.contains("max message size") || cause.contains("max frame length")) {
      Failure tooLarge = new Failure(ErrorCode.TOO_LARGE, "消息超过 64 KiB，连接已关闭");
      socket.write(new JsonObject().put("type", "err").put("failureCode", ErrorCode.TOO_LARGE.failureCode())
          .put("message", tooLarge.toJson().encode()).toBuffer());
      socket.close(MESSAGE_TOO_BIG, "message too big");
    } else if (cause.contains("rsv") || cause.contains("frame") || cause.contains("utf-8") || cause.contains("mask")) {
      // compressed frames (never agreed to), broken fragments, text that is not UTF-8
      socket.close(PROTOCOL_ERROR, "frame refused");
    } else {
      socket.close(INTERNAL_ERROR, "socket error");
    }
  }

  /** What pages register for is pushed to them, each message a whole state: the newest may replace older ones. */
  static boolean isPushed(String address) {
    // This runs for every frame to every page: no pattern, nothing allocated.
    return RoomAddresses.isTallyAddress(address) || RoomAddresses.isStateAddress(address)
        || SignageAddresses.isDisplayAddress(address);
  }

  /** A room's pages listen to their room; a signage display listens to its own address only. */
  static boolean mayListen(Identity who, String address) {
    String room = RoomAddresses.roomOfStateAddress(address);
    if (room == null) {
      room = RoomAddresses.roomOfTallyAddress(address);
    }
    if (room != null) {
      return who.belongsTo(room);
    }
    String display = SignageAddresses.displayOf(address);
    return display != null && who.type() == Identity.Type.DEVICE && who.role() == Identity.Role.DISPLAY
        && display.equals(who.id());
  }

  /** The token a page put in a frame's headers, or null. */
  static String tokenOf(JsonObject frame) {
    Object headers = frame == null ? null : frame.getValue("headers");
    if (headers instanceof JsonObject h && h.getValue(TOKEN_HEADER) instanceof String token) {
      return token;
    }
    return null;
  }
}
