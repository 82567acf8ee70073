package org.shangliang.room;

import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/**
 * One matter (议题) of the agenda with its limits (限时限次), the rules its votes start from, who
 * has spoken, and its resolution.
 */
public final class Matter {
  public static final int DEFAULT_SPEECH_SECONDS = 180;
  public static final int DEFAULT_SPEECHES_PER_PERSON = 2;

  final String id;
  final String title;
  final int speechSeconds;
  final int speechesPerPerson;
  final VoteRules voteRules;
  final MatterSetup setup;
  final Map<String, Integer> speechCounts;
  final MatterRecord record;
  JsonObject resolution;

  public Matter(String id, String title, int speechSeconds, int speechesPerPerson) {
    this(id, title, speechSeconds, speechesPerPerson, VoteRules.DEFAULT);
  }

  public Matter(String id, String title, int speechSeconds, int speechesPerPerson, VoteRules voteRules) {
    this(id, title, speechSeconds, speechesPerPerson, voteRules, MatterSetup.DEFAULT);
  }

  public Matter(String id, String title, int speechSeconds, int speechesPerPerson, VoteRules voteRules, MatterSetup setup) {
    this(id, title, speechSeconds, speechesPerPerson, voteRules, setup, new HashMap<>(), new MatterRecord(), null);
  }

  private Matter(String id, String title, int speechSeconds, int speechesPerPerson, VoteRules voteRules,
                 MatterSetup setup, Map<String, Integer> speechCounts, MatterRecord record, JsonObject resolution) {
    this.id = id;
    this.title = title;
    this.speechSeconds = speechSeconds;
    this.speechesPerPerson = speechesPerPerson;
    this.voteRules = voteRules;
    this.setup = setup;
    this.speechCounts = speechCounts;
    this.record = record;
    this.resolution = resolution;
  }

  public String id() { return id; }

  public String title() { return title; }

  public int speechesBy(String attendeeId) {
    return speechCounts.getOrDefault(attendeeId, 0);
  }

  public boolean mayStillSpeak(String attendeeId) {
    return speechesBy(attendeeId) < speechesPerPerson;
  }

  public JsonObject resolution() { return resolution; }

  public VoteRules voteRules() { return voteRules; }

  public int speechSeconds() { return speechSeconds; }

  public int speechesPerPerson() { return speechesPerPerson; }

  public MatterSetup setup() { return setup; }

  /** The host's summary before the vote (主持人先总结): {@code {text, at, by}}, or null. */
  public JsonObject summary() { return record.summary; }

  /** Whether anyone has spoken on it or it has a resolution: then its plan can no longer change. */
  public boolean started() {
    return !speechCounts.isEmpty() || resolution != null;
  }

  /** The same matter under another name, everything else kept. */
  Matter retitled(String newTitle) {
    return new Matter(id, newTitle, speechSeconds, speechesPerPerson, voteRules, setup, speechCounts, record, resolution);
  }

  static Matter fromJson(JsonObject json) {
    Map<String, Integer> counts = new HashMap<>();
    json.getJsonObject("speechCounts", new JsonObject())
        .forEach(e -> counts.put(e.getKey(), ((Number) e.getValue()).intValue()));
    return new Matter(json.getString("id"), json.getString("title"),
        json.getInteger("speechSeconds", DEFAULT_SPEECH_SECONDS),
        json.getInteger("speechesPerPerson", DEFAULT_SPEECHES_PER_PERSON),
        VoteRules.fromJson(json.getJsonObject("voteRules")), MatterSetup.fromJson(json), counts,
        MatterRecord.fromJson(json), json.getJsonObject("resolution"));
  }

  JsonObject toJson() {
    JsonObject counts = new JsonObject();
    speechCounts.forEach(counts::put);
    JsonObject json = new JsonObject().put("id", id).put("title", title).put("speechSeconds", speechSeconds)
        .put("speechesPerPerson", speechesPerPerson).put("voteRules", voteRules.toJson()).put("speechCounts", counts)
        .put("resolution", resolution);
    setup.writeTo(json);
    record.writeTo(json);
    return json;
  }
}
