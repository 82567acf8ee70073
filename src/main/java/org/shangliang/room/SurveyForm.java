package org.shangliang.room;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The attendees' questionnaire (问卷) at the end of a meeting: a few questions, each answered with
 * one tap. The list is fixed so that meetings compare; the schema of {@code answerSurvey}
 * (schemas/room-commands.json) names the same ids and codes, and a test holds the two together.
 */
public final class SurveyForm {
  /** One answer to pick; the code is stored, the label shown. */
  public record Choice(String code, String label) {
  }

  public record Question(String id, String text, List<Choice> choices) {
    JsonObject toJson() {
      JsonArray options = new JsonArray();
      choices.forEach(c -> options.add(new JsonObject().put("code", c.code()).put("label", c.label())));
      return new JsonObject().put("id", id).put("text", text).put("choices", options);
    }
  }

  public static final List<Question> QUESTIONS = List.of(
      new Question("meeting", "今天的会开得好吗？", List.of(
          new Choice("GOOD", "满意"), new Choice("FAIR", "一般"), new Choice("POOR", "不满意"))),
      new Question("spoke", "您有机会发言吗？", List.of(
          new Choice("YES", "有"), new Choice("NO", "没有"), new Choice("NOT_WANTED", "不想发言"))),
      new Question("concerns", "议题和您有关吗？", List.of(
          new Choice("YES", "有关"), new Choice("NO", "无关"))),
      new Question("result", "结果您认可吗？", List.of(
          new Choice("AGREE", "认可"), new Choice("PARTLY", "部分认可"), new Choice("DISAGREE", "不认可"))));

  private SurveyForm() {
  }

  /** The questions as pages render them. */
  public static JsonArray toJson() {
    JsonArray questions = new JsonArray();
    QUESTIONS.forEach(q -> questions.add(q.toJson()));
    return questions;
  }
}
