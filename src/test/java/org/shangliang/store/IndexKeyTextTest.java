package org.shangliang.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shangliang.store.TextKeyedUniqueIndex.KeyText;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The text of an index key stands for exactly one key: read back it is the key, and two keys share it only when equal. */
class IndexKeyTextTest {

  @Property(tries = 2000)
  @Label("a key of plain values reads back from its text as the same key")
  void readsBack(@ForAll("keys") List<Object> values) {
    KeyValue key = new KeyValue(values);
    String text = KeyText.of(key);
    assertNotNull(text);
    assertEquals(key, KeyText.parse(text));
  }

  @Property(tries = 2000)
  @Label("two keys have the same text exactly when they are equal")
  void sameTextOnlyWhenEqual(@ForAll("keys") List<Object> a, @ForAll("keys") List<Object> b) {
    KeyValue first = new KeyValue(a);
    KeyValue second = new KeyValue(b);
    assertEquals(first.equals(second), KeyText.of(first).equals(KeyText.of(second)));
  }

  @Provide
  Arbitrary<List<Object>> keys() {
    // few distinct values, so that equal keys and near misses (":" and ";" inside text, 1 vs 1L vs 1.0) come up often
    Arbitrary<Object> text = Arbitraries.of("", "a", "a:", ";", "s1:a", "1", "ab", "0000000000000000000000a1")
        .map(Object.class::cast);
    Arbitrary<Object> anyText = Arbitraries.strings().ofMaxLength(12).map(Object.class::cast);
    Arbitrary<Object> id = Arbitraries.of("000000000000000000000001", "0123456789abcdef01234567")
        .map(hex -> (Object) new ObjectId(hex));
    Arbitrary<Object> number = Arbitraries.of(1, 1L, 1.0, -0.0, 0.0, Double.NaN, 12, 12L, Long.MAX_VALUE, 1e300)
        .map(Object.class::cast);
    Arbitrary<Object> other = Arbitraries.of(true, false, Missing.getInstance()).map(Object.class::cast);
    Arbitrary<Object> none = Arbitraries.just(null);
    Arbitrary<Object> value = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, text), net.jqwik.api.Tuple.of(2, anyText), net.jqwik.api.Tuple.of(2, id),
        net.jqwik.api.Tuple.of(3, number), net.jqwik.api.Tuple.of(1, other), net.jqwik.api.Tuple.of(1, none));
    return value.list().ofMinSize(1).ofMaxSize(3);
  }
}
