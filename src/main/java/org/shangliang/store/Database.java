package org.shangliang.store;

import com.mongodb.MongoException;
import de.bwaldvogel.mongo.MongoServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.zip.ZipOutputStream;

/**
 * The only source of truth. Either a real MongoDB ({@code MONGO_URI}) or, by default, an in-process
 * MongoDB-protocol server keeping its data in an H2 file under the data folder; both are reached
 * through the same driver. {@link #durable()} tells when acknowledged writes survive a crash.
 */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  public static final String DB_NAME = "shangliang";
  private static final int DUPLICATE_KEY = 11000;
  /**
   * How long any one operation on a real MongoDB may take before it fails with
   * DATABASE_UNAVAILABLE: a database that stops answering must not leave a kiosk waiting
   * (docs/CONFIGURATION.md). The same timeouts set in MONGO_URI win. The embedded store lives in
   * this process and cannot stop answering on its own; on a loaded machine its operations may take
   * longer than this, and failing them would help nobody.
   */
  public static final long OPERATION_TIMEOUT_MS = 2_000;

  private final MongoClient client;
  private final MongoServer embeddedServer;
  private final IdIndexedH2Backend embeddedBackend;
  private final MVStore embeddedStore;
  private final GroupCommit groupCommit;
  private final File dataDir;

  private Database(MongoClient client, MongoServer embeddedServer, IdIndexedH2Backend embeddedBackend,
                   MVStore embeddedStore, GroupCommit groupCommit, File dataDir) {
    this.client = client;
    this.embeddedServer = embeddedServer;
    this.embeddedBackend = embeddedBackend;
    this.embeddedStore = embeddedStore;
    this.groupCommit = groupCommit;
    this.dataDir = dataDir;
  }

  /** Connects to a real MongoDB. Writes are acknowledged by a majority and journaled, so durable on reply. */
  public static Database connect(Vertx vertx, String mongoUri) {
    JsonObject config = new JsonObject()
        .put("connection_string", withTimeout(mongoUri))
        .put("db_name", DB_NAME)
        .put("w", "majority")
        .put("j", true);
    return new Database(MongoClient.createShared(vertx, config, "shangliang"), null, null, null, null, null);
  }

  /** Starts the embedded server on a loopback port with its data in {@code dataDir/shangliang.mv.db}. */
  public static Database embedded(Vertx vertx, String dataDir) {
    File dir = new File(dataDir);
    if (!dir.isDirectory() && !dir.mkdirs()) {
      throw new IllegalStateException("cannot create data folder " + dir.getAbsolutePath());
    }
    MVStore store = new MVStore.Builder()
        .fileName(new File(dir, "shangliang.mv.db").getAbsolutePath())
        .open();
    IdIndexedH2Backend backend = new IdIndexedH2Backend(store);
    MongoServer server = new MongoServer(backend);
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    InetSocketAddress address = server.getLocalAddress();
    LOG.info("embedded MongoDB-protocol server on {} with data in {}", address, dir.getAbsolutePath());
    JsonObject config = new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + address.getPort() + "/" + DB_NAME)
        .put("db_name", DB_NAME);
    MongoClient client = MongoClient.create(vertx, config);
    // The H2 store commits by itself about once a second; a crash in between loses acknowledged
    // writes, so replies wait for an explicit commit shared by everything written meanwhile.
    GroupCommit commits = new GroupCommit(vertx, () -> {
      store.commit();
      store.sync();
    });
    return new Database(client, server, backend, store, commits, dir);
  }

  /**
   * The URI with the operation timeout added as the driver's connect, read, server-selection and
   * pool-wait timeouts (the client reads them from the URI one by one), unless it sets its own.
   * The driver's own retry of a read or write would double the wait; pages retry instead.
   */
  static String withTimeout(String uri) {
    StringBuilder withTimeouts = new StringBuilder(uri);
    String timeout = String.valueOf(OPERATION_TIMEOUT_MS);
    String[][] defaults = {{"connectTimeoutMS", timeout}, {"socketTimeoutMS", timeout},
        {"serverSelectionTimeoutMS", timeout}, {"waitQueueTimeoutMS", timeout}, {"retryReads", "false"},
        {"retryWrites", "false"}};
    for (String[] option : defaults) {
      if (!uri.matches(".*[?&]" + option[0] + "=.*")) {
        withTimeouts.append(withTimeouts.indexOf("?") < 0 ? '?' : '&').append(option[0]).append('=').append(option[1]);
      }
    }
    return withTimeouts.toString();
  }

  public MongoClient mongo() { return client; }

  /** The embedded server's address, for tools and other nodes on this machine; null with a real MongoDB. */
  public String embeddedUri() {
    return embeddedServer == null ? null
        : "mongodb://127.0.0.1:" + embeddedServer.getLocalAddress().getPort() + "/" + DB_NAME;
  }

  public boolean isEmbedded() { return embeddedServer != null; }

  /** The folder holding the embedded store; null with a real MongoDB. */
  public File embeddedDataDir() { return dataDir; }

  /** How many queries the embedded store answered by reading a whole collection; -1 with a real MongoDB. */
  long embeddedFullScans() {
    return embeddedBackend == null ? -1 : embeddedBackend.fullScans();
  }

  /** Completes once every write acknowledged before this call would survive a kill of the process. */
  public Future<Void> durable() {
    return groupCommit == null ? Future.succeededFuture() : groupCommit.afterNextCommit();
  }

  /** Whether a write failed because a document with its {@code _id} (or unique key) exists already. */
  public static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoException m && m.getCode() == DUPLICATE_KEY
        || String.valueOf(e.getMessage()).contains("E" + DUPLICATE_KEY);
  }

  /**
   * Writes a consistent copy of the embedded store, as of its last commit, into {@code zip}.
   * Blocking: call it off the event loop. Writes wait while the file is copied (milliseconds for a
   * community's data); the store's own lock makes the copy one moment of it, never a torn file.
   */
  public void copyEmbeddedStore(ZipOutputStream zip) {
    if (embeddedStore == null) {
      throw new IllegalStateException("only the embedded store is copied this way");
    }
    embeddedStore.commit();
    embeddedStore.executeFilestoreOperation(() -> {
      try {
        embeddedStore.getFileStore().backup(zip);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  public Future<Void> ping() {
    return client.runCommand("ping", new JsonObject().put("ping", 1)).mapEmpty();
  }

  public void close() {
    client.close();
    if (embeddedServer != null) {
      embeddedServer.shutdownNow();
      if (!embeddedStore.isClosed()) {
        embeddedStore.close();
      }
    }
  }
}
