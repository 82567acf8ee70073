package org.shangliang.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passers-by rating notices on their phones, over HTTP as the /f/ page does: read the form (which
 * sets the phone's cookie and gives a one-time ticket), then post the rating. Every phone is a new
 * cookie from a loopback address of its own (127.x.y.z), as phones in the street are: the limits
 * per network address (30 submissions in 10 minutes) would otherwise refuse the 31st.
 */
final class SoakPhones {
  static final int IN_FLIGHT = 16;
  private static final String[] RATINGS = {"SATISFIED", "BASIC", "UNSATISFIED"};
  /** A long comment, with markup a hostile phone might send; the server keeps it as text. */
  private static final String LONG_COMMENT = ("停车位划分不合理，晚上十点以后还有人在楼下大声说话。<script>alert(1)</script> "
      + "希望物业和居委会尽快拿出方案，公示时间再长一些。").repeat(4);

  private final Vertx vertx;
  private final int port;
  private final AtomicInteger serial = new AtomicInteger();

  SoakPhones(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
  }

  /** One phone's rating of a notice, read from a board: the QR token, and the notice it names. */
  record Scan(String noticeId, String token) {
  }

  /**
   * Posts {@code posts} ratings: every tenth phone rates twice (the second replaces its first).
   * Answers, per notice, how many distinct phones rated it; fails on any refused post.
   */
  Map<String, Integer> post(int posts, java.util.function.IntFunction<Scan> scanOf) {
    Map<String, Set<Integer>> phonesByNotice = new ConcurrentHashMap<>();
    int phones = 0;
    int planned = 0;
    java.util.List<int[]> plan = new java.util.ArrayList<>();
    while (planned < posts) {
      int times = phones % 10 == 9 && planned + 2 <= posts ? 2 : 1;
      plan.add(new int[] {phones++, times});
      planned += times;
    }
    try {
      BenchRoom.inBatches(plan.size(), IN_FLIGHT, i -> {
        int phone = plan.get(i)[0];
        Scan scan = scanOf.apply(phone);
        phonesByNotice.computeIfAbsent(scan.noticeId(), k -> ConcurrentHashMap.newKeySet()).add(phone);
        return rate(scan, phone, plan.get(i)[1]);
      });
    } catch (AssertionError e) {
      throw new SoakBenchmark.SoakFailure("feedback: " + e.getMessage());
    }
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    phonesByNotice.forEach((notice, set) -> counts.put(notice, set.size()));
    return counts;
  }

  /** A new phone from its own address: form and rating, {@code times} times with the same cookie. */
  private Future<Void> rate(Scan scan, int phone, int times) {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setLocalAddress(nextAddress())
        .setDefaultHost("127.0.0.1").setDefaultPort(port));
    Future<String> cookie = Future.succeededFuture(null);
    for (int k = 0; k < times; k++) {
      int attempt = k;
      cookie = cookie.compose(c -> once(client, scan, c, RATINGS[(phone + attempt) % 3],
          (phone + attempt) % 3 == 0 ? LONG_COMMENT : null));
    }
    return cookie.<Void>mapEmpty().eventually(client::close);
  }

  private Future<String> once(HttpClient client, Scan scan, String cookie, String rating, String comment) {
    RequestOptions form = new RequestOptions().setMethod(HttpMethod.GET).setURI("/api/feedback/" + scan.token());
    if (cookie != null) {
      form.putHeader("cookie", cookie);
    }
    return client.request(form).compose(req -> req.send()).compose(resp -> expect(resp, 200, "form"))
        .compose(formResponse -> {
          String phoneCookie = cookie != null ? cookie : cookieOf(formResponse.response());
          JsonObject body = new JsonObject().put("token", scan.token())
              .put("ticket", formResponse.body().toJsonObject().getString("ticket")).put("rating", rating);
          if (comment != null) {
            body.put("comment", comment);
          }
          RequestOptions post = new RequestOptions().setMethod(HttpMethod.POST).setURI("/api/feedback")
              .putHeader("content-type", "application/json");
          if (phoneCookie != null) {
            post.putHeader("cookie", phoneCookie);
          }
          return client.request(post).compose(req -> req.send(body.toBuffer()))
              .compose(resp -> expect(resp, 201, "rating")).map(phoneCookie);
        });
  }

  private record Answer(HttpClientResponse response, Buffer body) {
  }

  private static Future<Answer> expect(HttpClientResponse resp, int status, String what) {
    return resp.body().compose(body -> resp.statusCode() == status ? Future.succeededFuture(new Answer(resp, body))
        : Future.failedFuture(new SoakBenchmark.SoakFailure("phone " + what + " refused: HTTP " + resp.statusCode()
            + " " + body)));
  }

  /** The {@code sl_phone} cookie the form set, as a Cookie header value. */
  private static String cookieOf(HttpClientResponse resp) {
    return resp.cookies().stream().filter(c -> c.startsWith("sl_phone=")).map(c -> c.split(";", 2)[0]).findFirst()
        .orElse(null);
  }

  /** 127.x.y.z, a new one for every phone of the run (x from 1: 127.0.0.1 is the pages' own). */
  private String nextAddress() {
    int n = serial.getAndIncrement();
    return "127." + (1 + (n / (254 * 256)) % 254) + "." + ((n / 254) % 256) + "." + (1 + n % 254);
  }
}
