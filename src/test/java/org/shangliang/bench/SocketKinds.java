package org.shangliang.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * This process's sockets by what they are for and their TCP state (Linux /proc): those on the
 * HTTP port (pages, phones), those to or from the embedded store's port (the driver and the store
 * live in the same process, so each connection is two sockets), other TCP, and non-TCP. A socket
 * the server never closes after its peer went shows as CLOSE_WAIT.
 */
final class SocketKinds {
  private static final Map<String, String> STATES = Map.of("01", "ESTABLISHED", "06", "TIME_WAIT", "07", "CLOSE",
      "08", "CLOSE_WAIT", "0A", "LISTEN", "04", "FIN_WAIT1", "05", "FIN_WAIT2", "09", "LAST_ACK");

  private SocketKinds() {
  }

  /** Counts by "http|store|tcp|other:STATE"; an error entry where /proc cannot be read. */
  static JsonObject count(int httpPort, String storeUri) {
    JsonObject counts = new JsonObject();
    try {
      int storePort = storeUri == null ? -1 : URI.create(storeUri).getPort();
      Map<String, String> byInode = tcpSockets(httpPort, storePort);
      Map<String, Integer> kinds = new TreeMap<>();
      for (String inode : socketInodes()) {
        kinds.merge(byInode.getOrDefault(inode, "other"), 1, Integer::sum);
      }
      kinds.forEach(counts::put);
    } catch (IOException | RuntimeException e) {
      counts.put("error", e.toString());
    }
    return counts;
  }

  private static List<String> socketInodes() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.map(fd -> {
        try {
          String link = Files.readSymbolicLink(fd).toString();
          return link.startsWith("socket:[") ? link.substring(8, link.length() - 1) : null;
        } catch (IOException e) {
          return null;
        }
      }).filter(java.util.Objects::nonNull).toList();
    }
  }

  /** inode → kind:state for every TCP socket of the machine's /proc/net/tcp and tcp6. */
  private static Map<String, String> tcpSockets(int httpPort, int storePort) throws IOException {
    Map<String, String> byInode = new HashMap<>();
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      Path path = Path.of(table);
      if (!Files.exists(path)) {
        continue;
      }
      for (String line : Files.readAllLines(path).stream().skip(1).toList()) {
        String[] cols = line.trim().split("\\s+");
        int local = port(cols[1]);
        int remote = port(cols[2]);
        String kind = local == httpPort ? "http" : local == storePort || remote == storePort ? "store" : "tcp";
        byInode.put(cols[9], kind + ":" + STATES.getOrDefault(cols[3], cols[3]));
      }
    }
    return byInode;
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
  }
}
