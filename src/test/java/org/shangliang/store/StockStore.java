package org.shangliang.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.h2.mvstore.MVStore;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The stock backend of mongo-java-server on a node's data folder, through the same driver: what an
 * older version, or the stock server, does to the folder the embedded store keeps.
 */
final class StockStore implements AutoCloseable {
  private final MVStore store;
  private final MongoServer server;
  final MongoClient mongo;

  StockStore(Vertx vertx, Path dataDir) {
    store = new MVStore.Builder().fileName(new File(dataDir.toFile(), "shangliang.mv.db").getAbsolutePath()).open();
    server = new MongoServer(new H2Backend(store));
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    mongo = MongoClient.create(vertx, new JsonObject()
        .put("connection_string", "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + Database.DB_NAME)
        .put("db_name", Database.DB_NAME));
  }

  @Override
  public void close() {
    mongo.close();
    server.shutdownNow();
    if (!store.isClosed()) {
      store.close();
    }
  }
}
