package org.shangliang.request;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every pair of event and state, allowed or refused, against the process as the community describes it. */
class TransitionsTest {
  /** event → "FROM>TO ..." as read from 三即三提一转 (DOMAIN.md); every pair not listed must be refused. */
  static final Map<RequestEvent, String> EXPECTED = Map.ofEntries(
      Map.entry(RequestEvent.DISPATCH, "NEW>DISPATCHED ESCALATED>DISPATCHED DISPATCHED>DISPATCHED"),
      Map.entry(RequestEvent.TAKE, "NEW>CONSULTING ESCALATED>CONSULTING DISPATCHED>CONSULTING"),
      Map.entry(RequestEvent.CONSULT, "CONSULTING>CONSULTING"),
      Map.entry(RequestEvent.AGREE, "CONSULTING>AGREED"),
      Map.entry(RequestEvent.COMPLETE, "AGREED>DONE TRANSFERRED>DONE"),
      Map.entry(RequestEvent.INFORM, "DONE>INFORMED"),
      Map.entry(RequestEvent.RATE, "INFORMED>CLOSED"),
      Map.entry(RequestEvent.ESCALATE, "NEW>ESCALATED DISPATCHED>ESCALATED CONSULTING>ESCALATED AGREED>ESCALATED ESCALATED>ESCALATED"),
      Map.entry(RequestEvent.TRANSFER, "NEW>TRANSFERRED DISPATCHED>TRANSFERRED CONSULTING>TRANSFERRED ESCALATED>TRANSFERRED"),
      Map.entry(RequestEvent.PROMOTE, "NEW>TOPIC DISPATCHED>TOPIC CONSULTING>TOPIC ESCALATED>TOPIC"),
      Map.entry(RequestEvent.SCHEDULE, "TOPIC>TOPIC"),
      Map.entry(RequestEvent.RESOLVE, "TOPIC>AGREED"),
      Map.entry(RequestEvent.FOLLOW_UP, "AGREED>AGREED ESCALATED>ESCALATED TRANSFERRED>TRANSFERRED TOPIC>TOPIC"),
      Map.entry(RequestEvent.MEDIATE, "DISPATCHED>DISPATCHED CONSULTING>CONSULTING AGREED>AGREED DONE>DONE ESCALATED>ESCALATED"));

  static Map<RequestStatus, RequestStatus> expected(RequestEvent event) {
    Map<RequestStatus, RequestStatus> pairs = new HashMap<>();
    for (String pair : EXPECTED.get(event).split(" ")) {
      String[] fromTo = pair.split(">");
      pairs.put(RequestStatus.valueOf(fromTo[0]), RequestStatus.valueOf(fromTo[1]));
    }
    return pairs;
  }

  @Test
  @DisplayName("every allowed transition leads where the process says, and every other pair is refused by name")
  void everyPair() {
    int allowed = 0;
    int refused = 0;
    for (RequestEvent event : RequestEvent.values()) {
      Map<RequestStatus, RequestStatus> pairs = expected(event);
      for (RequestStatus from : RequestStatus.values()) {
        if (pairs.containsKey(from)) {
          assertEquals(pairs.get(from), Transitions.target(event, from, true), event + " from " + from);
          allowed++;
        } else {
          Failure f = assertThrows(Failure.class, () -> Transitions.target(event, from, true), event + " from " + from);
          assertEquals(ErrorCode.TRANSITION_NOT_ALLOWED, f.code());
          assertTrue(f.getMessage().startsWith("诉求当前为「"), f.getMessage());
          refused++;
        }
      }
    }
    assertEquals(36, allowed);
    assertEquals(RequestEvent.values().length * RequestStatus.values().length - 36, refused);
  }

  @Test
  @DisplayName("支部派单 then 网格接单: a new or escalated request is dispatched (again, if need be) and the grid worker takes it")
  void dispatchThenTake() {
    RequestStatus dispatched = Transitions.target(RequestEvent.DISPATCH, RequestStatus.NEW, true);
    assertEquals(RequestStatus.DISPATCHED, dispatched);
    assertEquals(RequestStatus.DISPATCHED, Transitions.target(RequestEvent.DISPATCH, dispatched, true));
    assertEquals(RequestStatus.CONSULTING, Transitions.target(RequestEvent.TAKE, dispatched, true));
    assertThrows(Failure.class, () -> Transitions.target(RequestEvent.DISPATCH, RequestStatus.CONSULTING, true),
        "a request someone took is not dispatched any more");
    assertThrows(Failure.class, () -> Transitions.target(RequestEvent.COMPLETE, dispatched, true));
  }

  @Test
  @DisplayName("网格接单: a dispatched request is taken by the grid worker it went to or by community staff, not by another grid worker")
  void whoTakesADispatchedRequest() {
    assertDoesNotThrow(() -> Transitions.requireTaker(RequestStatus.DISPATCHED, "grid", "李网格员", "grid", true));
    assertDoesNotThrow(() -> Transitions.requireTaker(RequestStatus.DISPATCHED, "grid", "李网格员", "staff", false));
    Failure f = assertThrows(Failure.class,
        () -> Transitions.requireTaker(RequestStatus.DISPATCHED, "grid", "李网格员", "zhao", true));
    assertEquals(ErrorCode.DISPATCHED_TO_OTHER, f.code());
    assertTrue(f.getMessage().contains("李网格员"), f.getMessage());
    assertDoesNotThrow(() -> Transitions.requireTaker(RequestStatus.ESCALATED, "grid", "李网格员", "zhao", true),
        "escalated after a dispatch: the dispatch no longer binds");
    assertDoesNotThrow(() -> Transitions.requireTaker(RequestStatus.NEW, null, null, "zhao", true));
  }

  @Test
  @DisplayName("不满意 reopens the request for a new consultation; 满意 closes it")
  void ratingOutcomes() {
    assertEquals(RequestStatus.CONSULTING, Transitions.target(RequestEvent.RATE, RequestStatus.INFORMED, false));
    assertEquals(RequestStatus.CLOSED, Transitions.target(RequestEvent.RATE, RequestStatus.INFORMED, true));
  }

  @Test
  @DisplayName("escalation only goes upward through the three levels")
  void escalationGoesUp() {
    assertDoesNotThrow(() -> Transitions.requireHigher(null, EscalationLevel.COMMUNITY_OFFICES));
    assertDoesNotThrow(() -> Transitions.requireHigher(EscalationLevel.COMMUNITY_OFFICES, EscalationLevel.STREET_WORKSTATION));
    assertThrows(Failure.class, () -> Transitions.requireHigher(EscalationLevel.COMMUNITY_COUNCIL, EscalationLevel.COMMUNITY_COUNCIL));
    assertThrows(Failure.class, () -> Transitions.requireHigher(EscalationLevel.STREET_WORKSTATION, EscalationLevel.COMMUNITY_OFFICES));
  }

  @Test
  @DisplayName("consultation and decision topics are followed up every half month, inquiries and hearings every month")
  void followUpCadence() {
    assertEquals(15, TopicKind.CONSULTATION.followUpEvery().getDays());
    assertEquals(15, TopicKind.DECISION.followUpEvery().getDays());
    assertEquals(1, TopicKind.INQUIRY.followUpEvery().getMonths());
    assertEquals(1, TopicKind.HEARING.followUpEvery().getMonths());
  }
}
