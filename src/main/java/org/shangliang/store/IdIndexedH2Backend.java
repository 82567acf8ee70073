package org.shangliang.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded store's H2 backend with three changes. Unique indexes, {@code _id} first of all, are
 * keyed by text that H2 compares natively ({@link TextKeyedUniqueIndex}). Secondary indexes, which
 * the stock backend ignores, exist ({@link HeldSecondaryIndex}). And a query that names a
 * single {@code _id} next to other conditions, such as the conditional updates {@code {_id,
 * version}} or {@code {_id, open, voters: {$ne}}}, reads that one document through the {@code _id} index and then checks the whole
 * query against it. The stock backend uses an index only when the query names nothing but the
 * index's keys, so each of those updates read every document of its collection, and got slower
 * with every meeting and vote ever held. Results are the same either way: the index only narrows
 * which documents the full query is checked against.
 */
final class IdIndexedH2Backend extends H2Backend {
  /** The stock backend's map names; they are its storage format, so existing data opens unchanged. */
  private static final String DATA_MAP_PREFIX = "databases.";
  private static final String META_MAP_PREFIX = "meta.";
  private static final String INDEX_MAP_INFIX = "._index_";

  private final AtomicLong fullScans = new AtomicLong();

  IdIndexedH2Backend(MVStore store) {
    super(store);
  }

  /** How many queries so far had to read their whole collection. */
  long fullScans() {
    return fullScans.get();
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new IdIndexedDatabase(databaseName, getMvStore(), getCursorRegistry());
  }

  /** Inner, not static: the stock constructor opens collections before any field of a subclass is set. */
  private final class IdIndexedDatabase extends H2Database {
    IdIndexedDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
      super(databaseName, store, cursorRegistry);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String fullName = getFullCollectionNamespace(collectionName);
      MVStore store = getMvStore();
      return new IdIndexedCollection(this, collectionName, options, store.openMap(DATA_MAP_PREFIX + fullName),
          store.openMap(META_MAP_PREFIX + fullName), cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
      return TextKeyedUniqueIndex.open(getMvStore(), indexMapName(collectionName, indexName), indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
      MVMap<Object, Document> data = getMvStore().openMap(DATA_MAP_PREFIX + getFullCollectionNamespace(collectionName));
      return new HeldSecondaryIndex(indexName, keys, sparse, Constants.ID_FIELD, data.getKeyType());
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
      super.dropIndex(collection, indexName);
      TextKeyedUniqueIndex.removeMaps(getMvStore(), indexMapName(collection.getCollectionName(), indexName));
    }

    /** The stock index's map name: its storage format. */
    private String indexMapName(String collectionName, String indexName) {
      return getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName;
    }
  }

  private final class IdIndexedCollection extends H2Collection {
    IdIndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
      super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
      String idField = getIdField();
      Object id = idField == null ? null : query.get(idField);
      if (query.size() > 1 && isPlainKey(id)) {
        Document byId = new Document(idField, id);
        for (Index<Object> index : getIndexes()) {
          if (index.canHandle(byId)) {
            return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
          }
        }
      }
      return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
      // Null only while the stock constructor opens the existing collections.
      if (fullScans != null) {
        fullScans.incrementAndGet();
      }
      return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * Only values that equal exactly one key: an operator document, a regular expression or an
     * array means something else to the index, so those queries take the stock path.
     */
    private static boolean isPlainKey(Object id) {
      return id instanceof String || id instanceof ObjectId || id instanceof Number || id instanceof Boolean;
    }
  }
}
