package org.shangliang.support;

import io.vertx.core.Future;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

/** Blocking helpers for tests that drive asynchronous parts from the test thread. */
public final class Await {
  private Await() {
  }

  public static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, got " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError("no answer in time", e);
    }
  }

  /** Asserts the future fails with the bridge failure of this code, and answers it. */
  public static BridgeClient.BridgeFailure failure(Future<?> future, String expectedCode) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
      return fail("expected " + expectedCode + ", got success " + value);
    } catch (ExecutionException e) {
      BridgeClient.BridgeFailure failure = assertInstanceOf(BridgeClient.BridgeFailure.class, e.getCause());
      assertEquals(expectedCode, failure.code, failure.getMessage());
      return failure;
    } catch (Exception e) {
      throw new AssertionError("no answer in time", e);
    }
  }

  public static void until(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        fail("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}
