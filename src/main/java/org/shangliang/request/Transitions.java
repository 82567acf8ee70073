package org.shangliang.request;

import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.shangliang.request.RequestStatus.AGREED;
import static org.shangliang.request.RequestStatus.CLOSED;
import static org.shangliang.request.RequestStatus.CONSULTING;
import static org.shangliang.request.RequestStatus.DISPATCHED;
import static org.shangliang.request.RequestStatus.DONE;
import static org.shangliang.request.RequestStatus.ESCALATED;
import static org.shangliang.request.RequestStatus.INFORMED;
import static org.shangliang.request.RequestStatus.NEW;
import static org.shangliang.request.RequestStatus.TOPIC;
import static org.shangliang.request.RequestStatus.TRANSFERRED;

/**
 * The request state machine as one table: for each event, the states it may happen in. Anything
 * not listed is refused with {@code TRANSITION_NOT_ALLOWED}. Where an event leads is decided by
 * {@link #target}; only rating has two outcomes (不满意 reopens the request for a new consultation).
 */
public final class Transitions {
  private static final Map<RequestEvent, Set<RequestStatus>> ALLOWED = new EnumMap<>(Map.ofEntries(
      Map.entry(RequestEvent.DISPATCH, EnumSet.of(NEW, ESCALATED, DISPATCHED)),
      Map.entry(RequestEvent.TAKE, EnumSet.of(NEW, ESCALATED, DISPATCHED)),
      Map.entry(RequestEvent.CONSULT, EnumSet.of(CONSULTING)),
      Map.entry(RequestEvent.AGREE, EnumSet.of(CONSULTING)),
      Map.entry(RequestEvent.COMPLETE, EnumSet.of(AGREED, TRANSFERRED)),
      Map.entry(RequestEvent.INFORM, EnumSet.of(DONE)),
      Map.entry(RequestEvent.RATE, EnumSet.of(INFORMED)),
      Map.entry(RequestEvent.ESCALATE, EnumSet.of(NEW, DISPATCHED, CONSULTING, AGREED, ESCALATED)),
      Map.entry(RequestEvent.TRANSFER, EnumSet.of(NEW, DISPATCHED, CONSULTING, ESCALATED)),
      Map.entry(RequestEvent.PROMOTE, EnumSet.of(NEW, DISPATCHED, CONSULTING, ESCALATED)),
      Map.entry(RequestEvent.SCHEDULE, EnumSet.of(TOPIC)),
      Map.entry(RequestEvent.RESOLVE, EnumSet.of(TOPIC)),
      Map.entry(RequestEvent.FOLLOW_UP, EnumSet.of(AGREED, ESCALATED, TRANSFERRED, TOPIC)),
      Map.entry(RequestEvent.MEDIATE, EnumSet.of(DISPATCHED, CONSULTING, AGREED, DONE, ESCALATED))));

  private Transitions() {
  }

  public static boolean allowed(RequestEvent event, RequestStatus from) {
    return ALLOWED.getOrDefault(event, Set.of()).contains(from);
  }

  /** The state after the event; {@code satisfied} matters only for RATE. Refuses what the table does not allow. */
  public static RequestStatus target(RequestEvent event, RequestStatus from, boolean satisfied) {
    if (!allowed(event, from)) {
      throw new Failure(ErrorCode.TRANSITION_NOT_ALLOWED,
          "诉求当前为「" + RequestLabels.status(from) + "」，不能" + RequestLabels.event(event));
    }
    return switch (event) {
      case DISPATCH -> DISPATCHED;
      case TAKE, CONSULT -> CONSULTING;
      case AGREE, RESOLVE -> AGREED;
      case COMPLETE -> DONE;
      case INFORM -> INFORMED;
      case RATE -> satisfied ? CLOSED : CONSULTING;
      case ESCALATE -> ESCALATED;
      case TRANSFER -> TRANSFERRED;
      case PROMOTE, SCHEDULE -> TOPIC;
      case FOLLOW_UP, MEDIATE -> from;
    };
  }

  /** Escalation only goes upward: 两办两中心 → 社区协商议事会 → 街道协商议事工作站. */
  public static void requireHigher(EscalationLevel current, EscalationLevel next) {
    if (current != null && next.compareTo(current) <= 0) {
      throw new Failure(ErrorCode.TRANSITION_NOT_ALLOWED, "只能向更高一级上提");
    }
  }

  /**
   * 网格接单: once a request is dispatched (DISPATCHED) to the grid worker {@code toId}, no other grid
   * worker takes it; community staff ({@code gridScoped} false) still may, and any status but
   * DISPATCHED leaves taking to the table above.
   */
  public static void requireTaker(RequestStatus status, String toId, String toName, String takerId, boolean gridScoped) {
    if (status == DISPATCHED && gridScoped && toId != null && !toId.equals(takerId)) {
      throw new Failure(ErrorCode.DISPATCHED_TO_OTHER, "这件诉求已派给" + toName + "，由他接单");
    }
  }

  /** A request is solved once done, told or closed; follow-ups stop then. */
  public static boolean solved(RequestStatus status) {
    return status == DONE || status == INFORMED || status == CLOSED;
  }
}
