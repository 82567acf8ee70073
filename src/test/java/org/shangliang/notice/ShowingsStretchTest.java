package org.shangliang.notice;

import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A heartbeat stretched in place ends as the full report would have it, and only when the report changes no interval. */
class ShowingsStretchTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final List<String> NOTICES = List.of("n-1", "n-2", "n-3", "n-4");

  /** A display as a node knows it, and a heartbeat on it. */
  record Beat(JsonObject display, String current, List<String> shown) {
  }

  @Property(tries = 3000)
  @Label("stretch in place: done exactly when the report opens and closes nothing, and leaves the display as the report sets it")
  void stretchIsTheReportWithoutChanges(@ForAll("beats") Beat beat) {
    Showings.Report report = Showings.report(beat.display(), "board-1", beat.current(), beat.shown(), NOW);
    JsonObject inPlace = beat.display().copy();

    boolean stretched = Showings.stretch(inPlace, beat.current(), beat.shown(), NOW);

    assertEquals(!report.changesIntervals(), stretched, () -> "report " + report + " on " + beat);
    assertEquals(stretched ? report.set() : beat.display(), inPlace, () -> "on " + beat);
  }

  @Provide
  Arbitrary<Beat> beats() {
    // ends of intervals around the gap, so that continuing, stale and just-in-time ones all come up
    Arbitrary<Long> age = Arbitraries.of(0L, 1_000L, 30_000L, Showings.GAP_MS - 1, Showings.GAP_MS, Showings.GAP_MS + 1,
        10 * Showings.GAP_MS);
    Arbitrary<JsonObject> interval = age.map(a -> new JsonObject().put("from", NOW - a - 60_000).put("to", NOW - a));
    Arbitrary<JsonObject> showing = Arbitraries.subsetOf(NOTICES).flatMap(ids -> interval.list().ofSize(ids.size())
        .map(intervals -> {
          JsonObject open = new JsonObject();
          List<String> ordered = new ArrayList<>(ids);
          for (int i = 0; i < ordered.size(); i++) {
            open.put(ordered.get(i), intervals.get(i));
          }
          return open;
        }));
    Arbitrary<JsonObject> display = Combinators.combine(showing, age, Arbitraries.of(NOTICES).injectNull(0.3))
        .as((open, lastAge, current) -> new JsonObject().put("lastSeenAt", NOW - lastAge).put("current", current)
            .put("showing", open));
    Arbitrary<List<String>> shown = Arbitraries.subsetOf(NOTICES).map(Set::copyOf).map(ArrayList::new);
    return Combinators.combine(display, Arbitraries.of(NOTICES).injectNull(0.3), shown).as(Beat::new);
  }
}
