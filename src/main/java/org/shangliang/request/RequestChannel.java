package org.shangliang.request;

import io.vertx.core.json.JsonObject;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a request reached the community (接诉: call, letter, visit, or a resident filing it
 * themselves). Residents file at a kiosk or on a phone page; staff enter what came by phone,
 * letter or in person, and are recorded as {@code enteredBy}.
 */
public enum RequestChannel {
  /** 议事室终端: filed by the resident at a kiosk in the room. */
  KIOSK,
  /** 手机扫码: filed by the resident on the phone page a board's or poster's code opens. */
  WEB,
  /**
   * Filed through Open311. This server's Open311 endpoint is read-only, so no request has this
   * channel yet; the name is fixed here so that a future filing route records it the same way.
   */
  OPEN311,
  /** 来电: a phone call, entered by staff. */
  PHONE,
  /** 来信: a letter, entered by staff. */
  LETTER,
  /** 来人: a visit in person, entered by staff. */
  VISIT;

  /** The channels staff enter for residents ({@code enterRequest}). */
  public static final Set<RequestChannel> ENTERED_BY_STAFF = EnumSet.of(PHONE, LETTER, VISIT);

  /**
   * The channel of a stored request. Before staff could enter requests, the phone page stored
   * {@code PHONE}; such a request has no {@code enteredBy} and is read as {@link #WEB}, so old
   * documents stay as they were written and still read right.
   */
  public static String of(JsonObject doc) {
    String stored = doc.getString("channel");
    return PHONE.name().equals(stored) && doc.getValue("enteredBy") == null ? WEB.name() : stored;
  }
}
