package org.shangliang.common;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.vertx.core.json.JsonObject;

/** A refusal with a named code; thrown by the domain and the handlers, mapped in one place to replies. */
public class Failure extends RuntimeException {
  private final ErrorCode code;
  private final long retryAfterMs;

  public Failure(ErrorCode code) {
    this(code, code.defaultMessage());
  }

  public Failure(ErrorCode code, String message) {
    this(code, message, 0);
  }

  /** A refusal that time lifts (a rate limit, a sign-in wait): the caller may try again after {@code retryAfterMs}. */
  public Failure(ErrorCode code, long retryAfterMs) {
    this(code, code.defaultMessage(), retryAfterMs);
  }

  private Failure(ErrorCode code, String message, long retryAfterMs) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterMs = retryAfterMs;
  }

  public ErrorCode code() { return code; }

  /** Whether the throwable is a refusal with this code. */
  public static boolean is(Throwable t, ErrorCode code) {
    return t instanceof Failure failure && failure.code == code;
  }

  /** Whole seconds to wait before trying again, rounded up (a {@code Retry-After}); 0 when waiting will not help. */
  public long retryAfterSeconds() {
    return retryAfterMs <= 0 ? 0 : (retryAfterMs + 999) / 1000;
  }

  /** The JSON text carried as the failure message over the bridge and as HTTP error bodies. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("code", code.name()).put("message", getMessage());
    return retryAfterSeconds() > 0 ? json.put("retryAfter", retryAfterSeconds()) : json;
  }

  /**
   * Any throwable as a Failure: a database that did not answer in time becomes
   * DATABASE_UNAVAILABLE, other unknown causes INTERNAL, so no internal text leaks out.
   */
  public static Failure of(Throwable t) {
    if (t instanceof Failure f) {
      return f;
    }
    return unreachableDatabase(t) ? new Failure(ErrorCode.DATABASE_UNAVAILABLE) : new Failure(ErrorCode.INTERNAL);
  }

  private static boolean unreachableDatabase(Throwable t) {
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      if (cause instanceof MongoTimeoutException || cause instanceof MongoOperationTimeoutException
          || cause instanceof MongoSocketException || cause instanceof MongoExecutionTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
