package org.shangliang.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP from a chosen loopback address, so one test stands for many clients: Linux routes all of
 * 127/8 to this machine, and a Vert.x client can bind its side of the connection (the JDK client
 * cannot). One client per source address, closed together.
 */
public final class AddressedHttp implements AutoCloseable {
  /** What a client saw: the status, the Retry-After header (0 when absent), the body and the time taken. */
  public record Answer(int status, int retryAfter, String body, long ms) {
    public String code() {
      return body.startsWith("{") ? new JsonObject(body).getString("code") : null;
    }

    @Override
    public String toString() {
      return status + (retryAfter > 0 ? " Retry-After " + retryAfter : "") + " " + code() + " " + ms + " ms";
    }
  }

  private final Vertx vertx;
  private final int port;
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

  public AddressedHttp(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
  }

  /** The {@code n}th test address: 127.0.0.{n + 1}, so 1 is 127.0.0.2. */
  public static String address(int n) {
    return "127.0.0." + (n + 1);
  }

  public Future<Answer> post(String from, String path, JsonObject body) {
    HttpClient client = clients.computeIfAbsent(from, a -> vertx.createHttpClient(new HttpClientOptions()
        .setLocalAddress(a).setKeepAlive(false)));
    long started = System.nanoTime();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI(path).putHeader("content-type", "application/json").setTimeout(30_000);
    return client.request(options).compose(request -> request.send(body.encode()))
        .compose(response -> response.body().map(text -> new Answer(response.statusCode(),
            Integer.parseInt(response.getHeader("Retry-After") == null ? "0" : response.getHeader("Retry-After")),
            text.toString(), (System.nanoTime() - started) / 1_000_000)));
  }

  /** A sign-in attempt from {@code from}. */
  public Answer login(String from, String username, String password) {
    return Await.result(post(from, "/api/login", new JsonObject().put("username", username).put("password", password)));
  }

  @Override
  public void close() {
    clients.values().forEach(c -> Await.result(c.close()));
  }
}
