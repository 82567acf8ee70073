package org.shangliang.app;

import io.vertx.core.json.JsonObject;
import org.shangliang.web.BridgeLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Settings, each a documented key with a default (docs/CONFIGURATION.md). Environment variables
 * override a JSON config file, which overrides the defaults. Tests build a Config directly.
 */
public record Config(String host, int port, String dataDir, String mongoUri, String publicUrl, boolean cluster,
                     String clusterHost, String clusterMembers, BridgeLimits bridgeLimits) {
  public static final String HOST = "HOST";
  public static final String PORT = "PORT";
  public static final String DATA_DIR = "DATA_DIR";
  public static final String MONGO_URI = "MONGO_URI";
  public static final String PUBLIC_URL = "PUBLIC_URL";
  public static final String CLUSTER = "CLUSTER";
  public static final String CLUSTER_HOST = "CLUSTER_HOST";
  public static final String CLUSTER_MEMBERS = "CLUSTER_MEMBERS";
  /** Bytes a bridge socket may have waiting to be sent before pushed states for it are held back (newest kept). */
  public static final String BRIDGE_QUEUE_BYTES = "BRIDGE_QUEUE_BYTES";
  /** Seconds a bridge socket may stay full before the server closes it. */
  public static final String BRIDGE_STALL_SECONDS = "BRIDGE_STALL_SECONDS";
  public static final String CONFIG_FILE = "SHANGLIANG_CONFIG";
  private static final String[] KEYS = {HOST, PORT, DATA_DIR, MONGO_URI, PUBLIC_URL, CLUSTER, CLUSTER_HOST,
      CLUSTER_MEMBERS, BRIDGE_QUEUE_BYTES, BRIDGE_STALL_SECONDS};

  private static final JsonObject DEFAULTS = new JsonObject()
      .put(HOST, "0.0.0.0").put(PORT, 8080).put(DATA_DIR, "data").put(CLUSTER, false).put(CLUSTER_HOST, "127.0.0.1")
      .put(BRIDGE_QUEUE_BYTES, BridgeLimits.DEFAULT.queueBytes())
      .put(BRIDGE_STALL_SECONDS, BridgeLimits.DEFAULT.stallSeconds());

  /** Defaults, then the file (if any), then the environment. */
  public static Config load(String configFile, Map<String, String> env) {
    JsonObject merged = DEFAULTS.copy();
    String file = configFile != null ? configFile : env.get(CONFIG_FILE);
    if (file != null) {
      merged.mergeIn(readFile(Path.of(file)));
    }
    for (String key : KEYS) {
      String value = env.get(key);
      if (value != null && !value.isBlank()) {
        merged.put(key, value);
      }
    }
    return fromJson(merged);
  }

  static Config fromJson(JsonObject json) {
    int port = Integer.parseInt(String.valueOf(json.getValue(PORT)));
    String mongoUri = json.getString(MONGO_URI);
    return new Config(json.getString(HOST), port, json.getString(DATA_DIR),
        mongoUri == null || mongoUri.isBlank() ? null : mongoUri, json.getString(PUBLIC_URL),
        Boolean.parseBoolean(String.valueOf(json.getValue(CLUSTER))), json.getString(CLUSTER_HOST),
        json.getString(CLUSTER_MEMBERS, json.getString(CLUSTER_HOST)),
        new BridgeLimits(intOf(json, BRIDGE_QUEUE_BYTES), intOf(json, BRIDGE_STALL_SECONDS)));
  }

  /** A config for tests and tools: loopback, the given port (0 = any free one), embedded store in dataDir. */
  public static Config local(int port, String dataDir) {
    return new Config("127.0.0.1", port, dataDir, null, null, false, "127.0.0.1", "127.0.0.1", BridgeLimits.DEFAULT);
  }

  /** The same settings with other limits for bridge sockets that stop reading. */
  public Config withBridgeLimits(BridgeLimits limits) {
    return new Config(host, port, dataDir, mongoUri, publicUrl, cluster, clusterHost, clusterMembers, limits);
  }

  private static int intOf(JsonObject json, String key) {
    return Integer.parseInt(String.valueOf(json.getValue(key)));
  }

  private static JsonObject readFile(Path path) {
    try {
      return new JsonObject(Files.readString(path));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + path, e);
    }
  }
}
