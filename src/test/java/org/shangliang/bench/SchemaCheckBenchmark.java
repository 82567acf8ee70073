package org.shangliang.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;
import org.shangliang.common.Failure;
import org.shangliang.common.Schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the schema check of one inbound message costs (not a test; never gates a build): the
 * server's {@link Schemas} against the baseline, vertx-json-schema's validator on the very same
 * expanded schema, which the server used before. Messages as pages send them: a board's heartbeat
 * with 0, 3, 10 and 50 notices shown, a ballot, a vote opened. The two alternate in rounds after a
 * warm-up of each, on one thread; it prints the median time per check of each and the ratio.
 * Both must agree on every message, valid and broken alike, or it fails.
 *
 * <p>Parameters (system properties): bench.checks (20000 per round and message), bench.rounds (7).
 */
public final class SchemaCheckBenchmark {
  private static final String ROOM = "5f0000000000000000000001";
  private static final JsonSchemaOptions BASELINE_OPTIONS = new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
      .setBaseUri("https://shangliang.invalid/schemas/").setOutputFormat(OutputFormat.Basic);

  private SchemaCheckBenchmark() {
  }

  /** One kind of message, checked both ways. */
  private record Case(String label, String name, JsonObject message, Predicate<JsonObject> ours,
                      Predicate<JsonObject> baseline) {
  }

  public static void main(String[] args) {
    int checks = Integer.getInteger("bench.checks", 20_000);
    int rounds = Integer.getInteger("bench.rounds", 7);
    Schemas signage = Schemas.load("schemas/signage-commands.json", "action");
    Schemas room = Schemas.load("schemas/room-commands.json", "action");
    List<Case> cases = new ArrayList<>();
    for (int shown : new int[] {0, 3, 10, 50}) {
      cases.add(caseOf("heartbeat, " + shown + " shown", signage, "heartbeat", new JsonObject().put("action", "heartbeat")
          .put("current", shown == 0 ? null : id(0)).put("shown", ids(shown))));
    }
    cases.add(caseOf("castBallot", room, "castBallot", new JsonObject().put("action", "castBallot").put("roomId", ROOM)
        .put("attendeeId", id(7)).put("voteId", id(8)).put("choice", "FOR")));
    cases.add(caseOf("openVote", room, "openVote", new JsonObject().put("action", "openVote").put("roomId", ROOM)
        .put("motion", "是否同意在3号楼加装电梯，费用按楼层分摊").put("secret", true).put("walkInsVote", false)
        .put("liveTally", true).put("base", "FOR_AGAINST")));
    System.out.printf("SchemaCheckBenchmark: %d checks per round and message, %d rounds, one thread; java %s%n",
        checks, rounds, System.getProperty("java.version"));
    for (Case c : cases) {
      agree(c);
      RoundTimes ours = RoundTimes.of(rounds);
      RoundTimes baseline = RoundTimes.of(rounds);
      timePerCheck(c.ours(), c.message(), checks); // warm-up of each
      timePerCheck(c.baseline(), c.message(), checks);
      for (int r = 0; r < rounds; r++) {
        baseline.set(r, timePerCheck(c.baseline(), c.message(), checks));
        ours.set(r, timePerCheck(c.ours(), c.message(), checks));
      }
      System.out.printf("%-22s server %6.2f µs (rounds %.2f–%.2f)   baseline vertx-json-schema %7.2f µs (%.2f–%.2f)"
              + "   %.3fx%n", c.label(), ours.median(), ours.min(), ours.max(), baseline.median(), baseline.min(),
          baseline.max(), ours.median() / baseline.median());
    }
  }

  private static Case caseOf(String label, Schemas schemas, String name, JsonObject message) {
    Validator baseline = Validator.create(JsonSchema.of(schemas.schemaOf(name)), BASELINE_OPTIONS);
    return new Case(label, name, message, m -> {
      try {
        schemas.check(name, m);
        return true;
      } catch (Failure f) {
        return false;
      }
    }, m -> Boolean.TRUE.equals(baseline.validate(m).getValid()));
  }

  /** Both let the message through, and both refuse it with a field broken, an extra field, a field missing. */
  private static void agree(Case c) {
    List<JsonObject> broken = new ArrayList<>();
    broken.add(c.message().copy().put("extra", 1));
    for (String field : c.message().fieldNames()) {
      broken.add(c.message().copy().put(field, c.message().getValue(field) instanceof Boolean ? "no" : false));
      JsonObject missing = c.message().copy();
      missing.remove(field);
      if (!"current".equals(field) && !"roomId".equals(field)) { // these two may be left out
        broken.add(missing);
      }
    }
    if (!c.ours().test(c.message()) || !c.baseline().test(c.message())) {
      throw new IllegalStateException(c.label() + ": a valid message was refused");
    }
    for (JsonObject bad : broken) {
      if (c.ours().test(bad) || c.baseline().test(bad)) {
        throw new IllegalStateException(c.label() + ": a broken message passed: " + bad.encode());
      }
    }
  }

  private static double timePerCheck(Predicate<JsonObject> check, JsonObject message, int checks) {
    long started = System.nanoTime();
    for (int i = 0; i < checks; i++) {
      if (!check.test(message)) {
        throw new IllegalStateException("refused during timing: " + message.encode());
      }
    }
    return (System.nanoTime() - started) / 1e3 / checks;
  }

  private static JsonArray ids(int n) {
    JsonArray ids = new JsonArray();
    for (int i = 1; i <= n; i++) {
      ids.add(id(i));
    }
    return ids;
  }

  private static String id(int n) {
    return String.format("%024x", 0x5f00_0000L + n);
  }
}
