package org.shangliang.support;

import io.vertx.core.Future;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
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
      throw noAnswer(e);
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
      throw noAnswer(e);
    }
  }

  /**
   * A wait that ran out, with every thread's stack printed to the test's output: a hang that
   * happens once in many runs then shows where each thread stood.
   */
  private static AssertionError noAnswer(Exception e) {
    StringBuilder dump = new StringBuilder("no answer in time; the threads at that moment:\n");
    for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
      dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
      if (thread.getLockName() != null) {
        dump.append(" on ").append(thread.getLockName()).append(" held by ").append(thread.getLockOwnerName());
      }
      dump.append('\n');
      for (StackTraceElement frame : thread.getStackTrace()) {
        dump.append("    at ").append(frame).append('\n');
      }
    }
    System.err.println(dump);
    return new AssertionError("no answer in time", e);
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
