package org.shangliang.common;

import io.vertx.core.json.JsonObject;

/** A refusal with a named code; thrown by the domain and the handlers, mapped in one place to replies. */
public class Failure extends RuntimeException {
  private final ErrorCode code;

  public Failure(ErrorCode code) {
    this(code, code.defaultMessage());
  }

  public Failure(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() { return code; }

  /** The JSON text carried as the failure message over the bridge and as HTTP error bodies. */
  public JsonObject toJson() {
    return new JsonObject().put("code", code.name()).put("message", getMessage());
  }

  /** Any throwable as a Failure; unknown causes become INTERNAL so no internal text leaks out. */
  public static Failure of(Throwable t) {
    return t instanceof Failure f ? f : new Failure(ErrorCode.INTERNAL);
  }
}
