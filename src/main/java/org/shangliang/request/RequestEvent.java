package org.shangliang.request;

/** What can happen to a request; each is allowed only from the states {@link Transitions} lists. */
public enum RequestEvent {
  DISPATCH, TAKE, CONSULT, AGREE, COMPLETE, INFORM, RATE, ESCALATE, TRANSFER, PROMOTE, SCHEDULE, RESOLVE, FOLLOW_UP, MEDIATE
}
