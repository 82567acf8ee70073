package org.shangliang.common;

import io.vertx.core.eventbus.DeliveryOptions;

/**
 * What the server pushes to pages (room states and tallies, signage playlists) is always a whole
 * state, so a page whose socket falls behind is sent only the newest of them (docs/DESIGN.md, "Pages
 * that stop reading"). A message that is whole only together with the last whole one on its
 * address carries the header {@value #PARTIAL}: a snapshot that leaves out an unchanged attendee
 * list. For such a page the bridge then keeps that last whole one too.
 */
public final class Pushes {
  public static final String PARTIAL = "partial";

  private Pushes() {
  }

  /** Delivery of a message that needs the last whole message on its address. */
  public static DeliveryOptions partial() {
    return new DeliveryOptions().addHeader(PARTIAL, "true");
  }
}
