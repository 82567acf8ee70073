package org.shangliang.app;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.support.Await;
import org.shangliang.support.Http;

import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health says UP only once a node has prepared what it was started to (the demo data, the setup code). */
class ReadinessTest {
  private final Vertx vertx = Vertx.vertx();
  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    Await.result(vertx.close());
  }

  @Test
  @DisplayName("while a node prepares, /health answers 503 STARTING; once prepared, 200 UP")
  void healthWaitsForThePreparation() throws Exception {
    Promise<Void> preparation = Promise.promise();
    CompletableFuture<Shangliang> started = new CompletableFuture<>();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Shangliang.start(vertx, Config.local(0, dataDir.toString()), app -> {
      port.complete(app.port());
      return preparation.future();
    }).onSuccess(started::complete).onFailure(started::completeExceptionally);

    String health = "http://127.0.0.1:" + port.get(30, TimeUnit.SECONDS) + "/health";
    HttpResponse<String> preparing = Http.get(health);
    assertEquals(503, preparing.statusCode());
    assertEquals("STARTING", new JsonObject(preparing.body()).getString("status"));
    assertFalse(started.isDone(), "the start completes only with its preparation");

    preparation.complete();
    started.get(10, TimeUnit.SECONDS);
    HttpResponse<String> ready = Http.get(health);
    assertEquals(200, ready.statusCode());
    assertEquals("UP", new JsonObject(ready.body()).getString("status"));
    Await.result(started.get().stop());
  }

  @Test
  @DisplayName("a preparation that fails fails the start and stops serving: nobody is sent to a half-ready node")
  void failedPreparationStopsTheNode() throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Future<Shangliang> start = Shangliang.start(vertx, Config.local(0, dataDir.toString()), app -> {
      port.complete(app.port());
      return Future.failedFuture("the demo could not be seeded");
    });
    Throwable failure = assertThrows(ExecutionException.class,
        () -> start.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
    assertTrue(String.valueOf(failure.getCause().getMessage()).contains("could not be seeded"), failure.toString());
    String health = "http://127.0.0.1:" + port.get(5, TimeUnit.SECONDS) + "/health";
    Throwable refused = assertThrows(Exception.class, () -> Http.get(health));
    assertTrue(refused instanceof ConnectException || refused.getCause() instanceof ConnectException, refused.toString());
  }
}
