package org.shangliang.request;

/** The Chinese names of states and events, for refusal messages. */
public final class RequestLabels {
  private RequestLabels() {
  }

  public static String status(RequestStatus status) {
    return switch (status) {
      case NEW -> "待受理";
      case DISPATCHED -> "已派单";
      case CONSULTING -> "协商中";
      case AGREED -> "已商定";
      case DONE -> "已办结";
      case INFORMED -> "已反馈";
      case CLOSED -> "已结案";
      case ESCALATED -> "已上提";
      case TRANSFERRED -> "已转办";
      case TOPIC -> "已转议题";
    };
  }

  static String event(RequestEvent event) {
    return switch (event) {
      case DISPATCH -> "派单";
      case TAKE -> "受理";
      case CONSULT -> "记录协商";
      case AGREE -> "确认商定事项";
      case COMPLETE -> "办结";
      case INFORM -> "告知居民";
      case RATE -> "评价";
      case ESCALATE -> "上提";
      case TRANSFER -> "转办";
      case PROMOTE -> "转为议题";
      case SCHEDULE -> "列入议程";
      case RESOLVE -> "关联协商决议";
      case FOLLOW_UP -> "跟踪回访";
      case MEDIATE -> "记录人民调解";
    };
  }
}
