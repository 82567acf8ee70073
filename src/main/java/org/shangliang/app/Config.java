package org.shangliang.app;

import io.vertx.core.json.JsonObject;
import org.shangliang.web.BridgeLimits;
import org.shangliang.web.HttpLimits;
import org.shangliang.web.MetricsAccess;
import org.shangliang.web.WebSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Settings, each a documented key with a default (docs/CONFIGURATION.md). Environment variables
 * override a JSON config file, which overrides the defaults. Tests build a Config directly.
 */
public record Config(String host, int port, String dataDir, String mongoUri, String publicUrl, boolean cluster,
                     String clusterHost, String clusterMembers, HttpLimits http, MetricsAccess metrics,
                     BridgeLimits bridgeLimits, int informWithinWorkingDays, int warmUpVotes) {
  public static final String HOST = "HOST";
  public static final String PORT = "PORT";
  public static final String DATA_DIR = "DATA_DIR";
  public static final String MONGO_URI = "MONGO_URI";
  public static final String PUBLIC_URL = "PUBLIC_URL";
  public static final String CLUSTER = "CLUSTER";
  public static final String CLUSTER_HOST = "CLUSTER_HOST";
  public static final String CLUSTER_MEMBERS = "CLUSTER_MEMBERS";
  public static final String HTTP_HEADER_TIMEOUT_SECONDS = "HTTP_HEADER_TIMEOUT_SECONDS";
  public static final String HTTP_IDLE_TIMEOUT_SECONDS = "HTTP_IDLE_TIMEOUT_SECONDS";
  public static final String HTTP_REQUEST_TIMEOUT_SECONDS = "HTTP_REQUEST_TIMEOUT_SECONDS";
  public static final String MAX_CONNECTIONS_PER_ADDRESS = "MAX_CONNECTIONS_PER_ADDRESS";
  public static final String MAX_CONNECTIONS = "MAX_CONNECTIONS";
  public static final String METRICS_ALLOW = "METRICS_ALLOW";
  public static final String METRICS_TOKEN = "METRICS_TOKEN";
  /** Bytes a bridge socket may have waiting to be sent before pushed states for it are held back (newest kept). */
  public static final String BRIDGE_QUEUE_BYTES = "BRIDGE_QUEUE_BYTES";
  /** Seconds a bridge socket may stay full before the server closes it. */
  public static final String BRIDGE_STALL_SECONDS = "BRIDGE_STALL_SECONDS";
  /** 办完即反: working days (Monday to Friday) after a request is done within which the resident must be told. */
  public static final String INFORM_WITHIN_WORKING_DAYS = "INFORM_WITHIN_WORKING_DAYS";
  public static final int DEFAULT_INFORM_WITHIN_WORKING_DAYS = 3;
  /** Votes of the meeting a node rehearses on a scratch store once it is ready ({@link WarmUp}); 0: none. */
  public static final String WARM_UP_VOTES = "WARM_UP_VOTES";
  public static final int DEFAULT_WARM_UP_VOTES = 20;
  public static final String CONFIG_FILE = "SHANGLIANG_CONFIG";

  private static final JsonObject DEFAULTS = new JsonObject()
      .put(HOST, "0.0.0.0").put(PORT, 8080).put(DATA_DIR, "data").put(CLUSTER, false).put(CLUSTER_HOST, "127.0.0.1")
      .put(HTTP_HEADER_TIMEOUT_SECONDS, HttpLimits.DEFAULTS.headerTimeoutSeconds())
      .put(HTTP_IDLE_TIMEOUT_SECONDS, HttpLimits.DEFAULTS.idleTimeoutSeconds())
      .put(HTTP_REQUEST_TIMEOUT_SECONDS, HttpLimits.DEFAULTS.requestTimeoutSeconds())
      .put(MAX_CONNECTIONS_PER_ADDRESS, HttpLimits.DEFAULTS.maxConnectionsPerAddress())
      .put(MAX_CONNECTIONS, HttpLimits.DEFAULTS.maxConnections())
      .put(METRICS_ALLOW, MetricsAccess.DEFAULT_ALLOW)
      .put(BRIDGE_QUEUE_BYTES, BridgeLimits.DEFAULT.queueBytes())
      .put(BRIDGE_STALL_SECONDS, BridgeLimits.DEFAULT.stallSeconds())
      .put(INFORM_WITHIN_WORKING_DAYS, DEFAULT_INFORM_WITHIN_WORKING_DAYS).put(WARM_UP_VOTES, DEFAULT_WARM_UP_VOTES);
  private static final String[] KEYS = {HOST, PORT, DATA_DIR, MONGO_URI, PUBLIC_URL, CLUSTER, CLUSTER_HOST,
      CLUSTER_MEMBERS, HTTP_HEADER_TIMEOUT_SECONDS, HTTP_IDLE_TIMEOUT_SECONDS, HTTP_REQUEST_TIMEOUT_SECONDS,
      MAX_CONNECTIONS_PER_ADDRESS, MAX_CONNECTIONS, METRICS_ALLOW, METRICS_TOKEN, BRIDGE_QUEUE_BYTES, BRIDGE_STALL_SECONDS,
      INFORM_WITHIN_WORKING_DAYS, WARM_UP_VOTES};

  /** With the default HTTP and bridge limits and metrics access, and no warm-up (tests, tools). */
  public Config(String host, int port, String dataDir, String mongoUri, String publicUrl, boolean cluster,
                String clusterHost, String clusterMembers) {
    this(host, port, dataDir, mongoUri, publicUrl, cluster, clusterHost, clusterMembers, HttpLimits.DEFAULTS,
        MetricsAccess.DEFAULTS, BridgeLimits.DEFAULT, DEFAULT_INFORM_WITHIN_WORKING_DAYS, 0);
  }

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
    int port = integer(json, PORT);
    String mongoUri = json.getString(MONGO_URI);
    return new Config(json.getString(HOST), port, json.getString(DATA_DIR),
        mongoUri == null || mongoUri.isBlank() ? null : mongoUri, json.getString(PUBLIC_URL),
        Boolean.parseBoolean(String.valueOf(json.getValue(CLUSTER))), json.getString(CLUSTER_HOST),
        json.getString(CLUSTER_MEMBERS, json.getString(CLUSTER_HOST)),
        new HttpLimits(integer(json, HTTP_HEADER_TIMEOUT_SECONDS), integer(json, HTTP_IDLE_TIMEOUT_SECONDS),
            integer(json, HTTP_REQUEST_TIMEOUT_SECONDS), integer(json, MAX_CONNECTIONS_PER_ADDRESS),
            integer(json, MAX_CONNECTIONS)),
        MetricsAccess.of(json.getString(METRICS_ALLOW), json.getString(METRICS_TOKEN)),
        new BridgeLimits(integer(json, BRIDGE_QUEUE_BYTES), integer(json, BRIDGE_STALL_SECONDS)),
        integer(json, INFORM_WITHIN_WORKING_DAYS), integer(json, WARM_UP_VOTES));
  }

  /** What the web server reads of these settings. */
  public WebSettings web() {
    return new WebSettings(host, port, publicUrl, http, metrics, bridgeLimits);
  }

  /** The same settings with other HTTP limits (tests, tools). */
  public Config withHttp(HttpLimits limits) {
    return new Config(host, port, dataDir, mongoUri, publicUrl, cluster, clusterHost, clusterMembers, limits, metrics,
        bridgeLimits, informWithinWorkingDays, warmUpVotes);
  }

  private static int integer(JsonObject json, String key) {
    return Integer.parseInt(String.valueOf(json.getValue(key)).trim());
  }

  /** A config for tests and tools: loopback, the given port (0 = any free one), embedded store in dataDir. */
  public static Config local(int port, String dataDir) {
    return new Config("127.0.0.1", port, dataDir, null, null, false, "127.0.0.1", "127.0.0.1");
  }

  /** The same settings with other limits for bridge sockets that stop reading. */
  public Config withBridgeLimits(BridgeLimits limits) {
    return new Config(host, port, dataDir, mongoUri, publicUrl, cluster, clusterHost, clusterMembers, http, metrics,
        limits, informWithinWorkingDays, warmUpVotes);
  }

  /** The same settings with this many votes rehearsed after the start ({@link #WARM_UP_VOTES}). */
  public Config withWarmUpVotes(int votes) {
    return new Config(host, port, dataDir, mongoUri, publicUrl, cluster, clusterHost, clusterMembers, http, metrics,
        bridgeLimits, informWithinWorkingDays, votes);
  }

  private static JsonObject readFile(Path path) {
    try {
      return new JsonObject(Files.readString(path));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + path, e);
    }
  }
}
