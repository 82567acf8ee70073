package org.shangliang.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.DataType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A secondary (not unique) index of the embedded store, which the stock backend does not have: a
 * query by a field that is not {@code _id}, such as the attendees of a meeting or the open
 * meetings, read every document of its collection, and so grew slower with every meeting ever
 * held. Held in memory and built from the documents each time the store opens, so the store's
 * file keeps the stock format, and a version that does not maintain the index (an older one, or
 * the stock backend) can write to the store in between without leaving it wrong.
 *
 * <p>Entries are keyed by the text of the document's key values followed by the text of its
 * {@code _id} ({@link TextKeyedUniqueIndex.KeyText}; both are self-delimiting), so all documents
 * with one key are a range of the map. A document whose key or {@code _id} is not plain (a
 * sub-document, say) is held apart and offered to every query, which the collection then checks
 * in full, as it checks every document an index offers: the index only narrows the reading.
 */
final class HeldSecondaryIndex extends Index<Object> {
  /** Above every character that can follow a key's text: an entry's {@code _id} text starts with a type letter. */
  private static final char AFTER_KEY = Character.MAX_VALUE;

  private final String idField;
  private final Comparator<Object> naturalOrder;
  private final ConcurrentNavigableMap<String, Object> entries = new ConcurrentSkipListMap<>();
  private final Set<Object> unkeyed = ConcurrentHashMap.newKeySet();

  /** {@code naturalOrder}: the order of the collection's own map, in which a query without a sort answers. */
  HeldSecondaryIndex(String name, List<IndexKey> keys, boolean sparse, String idField, DataType<Object> naturalOrder) {
    super(name, keys, sparse);
    this.idField = idField;
    this.naturalOrder = naturalOrder::compare;
  }

  @Override
  public Object getPosition(Document document) {
    // Not unique: a key does not tell one document. Null leaves the document's position to the _id index.
    return null;
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    // nothing to refuse: the index is not unique
  }

  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
    List<String> texts = entryTexts(document);
    if (texts == null) {
      unkeyed.add(position);
      return;
    }
    texts.forEach(text -> entries.put(text, position));
  }

  @Override
  public Object remove(Document document) {
    Object position = document.get(idField);
    List<String> texts = entryTexts(document);
    if (texts == null) {
      unkeyed.remove(position);
      return position;
    }
    Object removed = null;
    for (String text : texts) {
      Object was = entries.remove(text);
      removed = removed == null ? was : removed;
    }
    return removed != null ? removed : position;
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    // nothing to refuse: the index is not unique
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                            MongoCollection<Object> collection) {
    if (!Objects.equals(entryTexts(oldDocument), entryTexts(newDocument))) {
      remove(oldDocument);
      add(newDocument, position, collection);
    }
  }

  /** A query that names every key of the index with a plain value: text, an object id or a boolean. */
  @Override
  public boolean canHandle(Document query) {
    for (String key : keys()) {
      if (!isPlain(query.get(key))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    List<Object> keyValues = new ArrayList<>();
    keys().forEach(key -> keyValues.add(query.get(key)));
    String keyText = TextKeyedUniqueIndex.KeyText.of(new KeyValue(keyValues));
    List<Object> positions = new ArrayList<>(entries.subMap(keyText, keyText + AFTER_KEY).values());
    positions.addAll(unkeyed);
    positions.sort(naturalOrder);
    return positions;
  }

  @Override
  public long getCount() {
    return entries.size() + unkeyed.size();
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty() && unkeyed.isEmpty();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }

  @Override
  public void drop() {
    entries.clear();
    unkeyed.clear();
  }

  /**
   * The document's entries: one per key it has (several when a key's value is an array), each its
   * key's text and its {@code _id}'s; null when any of them is not plain text.
   */
  private List<String> entryTexts(Document document) {
    if (!document.containsKey(idField)) {
      return null;
    }
    String idText = TextKeyedUniqueIndex.KeyText.of(new KeyValue(Collections.singletonList(document.get(idField))));
    if (idText == null) {
      return null;
    }
    Set<KeyValue> keys;
    try {
      keys = getKeyValues(document);
    } catch (RuntimeException notIndexable) {
      // parallel arrays in a compound key, which MongoDB refuses too: the collection checks every query against it
      return null;
    }
    List<String> texts = new ArrayList<>(keys.size());
    for (KeyValue key : keys) {
      String keyText = TextKeyedUniqueIndex.KeyText.of(key);
      if (keyText == null) {
        return null;
      }
      texts.add(keyText + idText);
    }
    texts.sort(null);
    return texts;
  }

  /** Values whose text stands for them alone: numbers are left out, as 1, 1L and 1.0 are equal to a query. */
  private static boolean isPlain(Object value) {
    return value instanceof String || value instanceof ObjectId || value instanceof Boolean;
  }
}
