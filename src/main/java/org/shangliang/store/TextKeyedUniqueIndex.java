package org.shangliang.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A unique index of the embedded store whose keys are text. The stock H2 index keys its map by
 * {@link KeyValue}, a class H2 knows only as a serializable object, which it compares by
 * serializing both sides with Java serialization at every step of a B-tree search: every lookup by
 * {@code _id}, every insert and update paid for it, and on 6,000 idle boards it was most of what
 * the store allocated. Here a key of plain values (text, object ids, numbers, booleans, null,
 * missing) is written as text that H2 compares natively, equal exactly when the values are equal;
 * any other key (a document, an array) keeps a map of its own as the stock index does.
 *
 * <p>Both maps have names of their own, so an existing store builds this index once from its
 * documents at the first start (an empty index is filled by the collection), and an older version
 * opening the store again builds its own the same way.
 */
final class TextKeyedUniqueIndex extends AbstractUniqueIndex<Object> {
  static final String TEXT_SUFFIX = "#text";
  static final String OTHER_SUFFIX = "#other";

  private final MVMap<String, Object> byText;
  private final MVMap<KeyValue, Object> other;

  private TextKeyedUniqueIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<String, Object> byText,
                               MVMap<KeyValue, Object> other) {
    super(name, keys, sparse);
    this.byText = byText;
    this.other = other;
  }

  /** Opens the index under the stock map's name, retiring the stock map if an older version left one. */
  static TextKeyedUniqueIndex open(MVStore store, String stockMapName, String indexName, List<IndexKey> keys,
                                   boolean sparse) {
    if (store.hasMap(stockMapName)) {
      store.removeMap(stockMapName);
    }
    return new TextKeyedUniqueIndex(indexName, keys, sparse, store.openMap(stockMapName + TEXT_SUFFIX),
        store.openMap(stockMapName + OTHER_SUFFIX));
  }

  /** Removes both maps of an index that was dropped. */
  static void removeMaps(MVStore store, String stockMapName) {
    for (String name : List.of(stockMapName + TEXT_SUFFIX, stockMapName + OTHER_SUFFIX)) {
      if (store.hasMap(name)) {
        store.removeMap(name);
      }
    }
  }

  @Override
  protected Object removeDocument(KeyValue key) {
    String text = KeyText.of(key);
    return text != null ? byText.remove(text) : other.remove(key);
  }

  @Override
  protected boolean putKeyPosition(KeyValue key, Object position) {
    String text = KeyText.of(key);
    Object before = text != null ? byText.putIfAbsent(text, Missing.ofNullable(position))
        : other.putIfAbsent(key, Missing.ofNullable(position));
    return before == null;
  }

  @Override
  protected Object getPosition(KeyValue key) {
    String text = KeyText.of(key);
    return text != null ? byText.get(text) : other.get(key);
  }

  @Override
  protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
    return () -> Stream.concat(
        byText.entrySet().stream().map(e -> (Map.Entry<KeyValue, Object>)
            new AbstractMap.SimpleImmutableEntry<>(KeyText.parse(e.getKey()), e.getValue())),
        other.entrySet().stream()).iterator();
  }

  @Override
  public long getCount() {
    return byText.sizeAsLong() + other.sizeAsLong();
  }

  @Override
  public boolean isEmpty() {
    return byText.isEmpty() && other.isEmpty();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }

  /**
   * A key of plain values as text: each value a one-letter type, then its text; text and ids with
   * their length first, so no value can run into the next. Values of different types never make
   * the same text, as they are never equal.
   */
  static final class KeyText {
    private KeyText() {
    }

    /** The key as text, or null when a value is not plain. */
    static String of(KeyValue key) {
      StringBuilder text = new StringBuilder(32);
      for (Object value : key) {
        if (!append(text, value)) {
          return null;
        }
      }
      return text.toString();
    }

    private static boolean append(StringBuilder text, Object value) {
      if (value == null) {
        text.append("z;");
      } else if (value instanceof Missing) {
        text.append("m;");
      } else if (value instanceof String s) {
        text.append('s').append(s.length()).append(':').append(s);
      } else if (value instanceof ObjectId id) {
        text.append('o').append(id.getHexData()).append(';');
      } else if (value instanceof Integer || value instanceof Long || value instanceof Double
          || value instanceof Boolean) {
        text.append(value instanceof Integer ? 'i' : value instanceof Long ? 'l' : value instanceof Double ? 'd' : 'b')
            .append(value).append(';');
      } else {
        return false;
      }
      return true;
    }

    /** The key a text stands for. */
    static KeyValue parse(String text) {
      List<Object> values = new ArrayList<>();
      int at = 0;
      while (at < text.length()) {
        char type = text.charAt(at++);
        if (type == 's') {
          int colon = text.indexOf(':', at);
          int length = Integer.parseInt(text, at, colon, 10);
          values.add(text.substring(colon + 1, colon + 1 + length));
          at = colon + 1 + length;
        } else {
          int end = text.indexOf(';', at);
          String value = text.substring(at, end);
          values.add(switch (type) {
            case 'z' -> null;
            case 'm' -> Missing.getInstance();
            case 'o' -> new ObjectId(value);
            case 'i' -> Integer.valueOf(value);
            case 'l' -> Long.valueOf(value);
            case 'd' -> Double.valueOf(value);
            case 'b' -> Boolean.valueOf(value);
            default -> throw new IllegalArgumentException("not an index key: " + text);
          });
          at = end + 1;
        }
      }
      return new KeyValue(values);
    }
  }
}
