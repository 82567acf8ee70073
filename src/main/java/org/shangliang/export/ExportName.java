package org.shangliang.export;

import java.util.Arrays;
import java.util.Optional;

/** The exports there are: the name in the route ({@code /api/exports/<name>.xlsx}) and the Chinese name of the file and sheet. */
public enum ExportName {
  MEETINGS("meetings", "会议"),
  RESOLUTIONS("resolutions", "决议落实"),
  REQUESTS("requests", "居民诉求"),
  RATES("rates", "诉求办理统计"),
  MEMBERS("members", "议事成员"),
  EVALUATION("evaluation", "成效评估");

  private final String route;
  private final String chinese;

  ExportName(String route, String chinese) {
    this.route = route;
    this.chinese = chinese;
  }

  public String route() {
    return route;
  }

  public String chinese() {
    return chinese;
  }

  public static Optional<ExportName> of(String route) {
    return Arrays.stream(values()).filter(n -> n.route.equals(route)).findFirst();
  }
}
