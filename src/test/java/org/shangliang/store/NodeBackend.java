package org.shangliang.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's own backend (text-keyed unique indexes, secondary indexes, lookups by {@code _id}) for a store
 * run outside the server, so a benchmark's stand-in for a shared MongoDB is as fast as the node's.
 */
public final class NodeBackend {
  private NodeBackend() {
  }

  public static H2Backend open(String file) {
    return new IdIndexedH2Backend(new MVStore.Builder().fileName(file).open());
  }
}
