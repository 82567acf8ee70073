package org.shangliang.web;

import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.shangliang.room.RoomAddresses;
import org.shangliang.room.TallyAudience;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which bridge sockets of this node listen to which rooms' tallies, kept up in the node's
 * {@link TallyAudience} as pages register, unregister and go. Used on the web server's event loop only.
 */
final class TallyListeners {
  private final TallyAudience audience;
  private final Map<SockJSSocket, Set<String>> roomsOf = new HashMap<>();

  TallyListeners(TallyAudience audience) {
    this.audience = audience;
  }

  void registered(SockJSSocket socket, String address) {
    String room = RoomAddresses.roomOfTallyAddress(address);
    if (room != null && roomsOf.computeIfAbsent(socket, s -> new HashSet<>()).add(room)) {
      audience.joined(room);
    }
  }

  void unregistered(SockJSSocket socket, String address) {
    String room = RoomAddresses.roomOfTallyAddress(address);
    Set<String> rooms = roomsOf.get(socket);
    if (room != null && rooms != null && rooms.remove(room)) {
      audience.left(room);
      if (rooms.isEmpty()) {
        roomsOf.remove(socket);
      }
    }
  }

  void closed(SockJSSocket socket) {
    Set<String> rooms = roomsOf.remove(socket);
    if (rooms != null) {
      rooms.forEach(audience::left);
    }
  }
}
