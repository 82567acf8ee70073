package org.shangliang.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.room.RoomAddresses;
import org.shangliang.support.Await;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One compressed meeting day of the soak: the day's meeting opens and every kiosk checks its
 * attendee in; notices go up on the boards; the agenda's matters each get their share of the
 * speeches (raise hand, the host gives the floor, the host ends it, or on the last matter the
 * server's clock does) and of the votes (every attendee votes, the tally is checked against the
 * stored box); half way, phones post their ratings and every page's socket drops and reconnects at
 * once; then the notices come down, everyone checks out, and the meeting closes, moving the room on
 * to the next day's meeting. Anything refused, lost or doubled ends the run ({@link SoakBenchmark.SoakFailure}).
 */
final class SoakDay {
  private static final long WAIT_MS = 15_000;
  private static final String[] CHOICES = {"FOR", "AGAINST", "ABSTAIN"};
  private static final String NOTICE_BODY = ("本周六上午九点在社区议事室召开协商议事会，议题为小区停车位重新划分。"
      + "请各楼栋居民代表准时参加，未能到场的居民可扫描二维码提出意见。\n\n- 地点：社区党群服务中心二楼\n- 时间：上午九点至十一点\n\n")
      .repeat(4);

  private final SoakPages pages;
  private final ServerLink server;
  private final SoakPhones phones;
  private final SoakBenchmark.Params params;
  private final StringBuilder phases = new StringBuilder();
  private long phaseStart;
  private List<String> attendees;
  private int ballots;
  private double[] stormMillis = new double[0];

  /** What a day did: how long it and each phase took, the reconnect storm's first frames, ballots counted. */
  record Result(double seconds, String phases, Latencies storm, int ballots, int posts) {
  }

  SoakDay(SoakPages pages, ServerLink server, SoakPhones phones, SoakBenchmark.Params params) {
    this.pages = pages;
    this.server = server;
    this.phones = phones;
    this.params = params;
  }

  /** Runs the day on the meeting the room now shows ({meetingId, attendeeIds}); answers its figures. */
  Result run(int day, JsonObject meeting) throws InterruptedException {
    long start = System.nanoTime();
    phases.setLength(0);
    ballots = 0;
    attendees = meeting.getJsonArray("attendeeIds").stream().map(String.class::cast).toList();
    phase(null);
    host("openMeeting", new JsonObject());
    kiosks(i -> new JsonObject().put("action", "checkIn").put("attendeeId", attendees.get(i)));
    phase("check-in");
    List<Notice> notices = publishNotices(day);
    phase("notices up");
    int posts = 0;
    for (int m = 0; m < params.matters(); m++) {
      if (m == params.matters() / 2) {
        posts = feedback(notices);
        phase("feedback");
        reconnectStorm(day);
        phase("reconnect storm");
      }
      matter(m);
      phase("matter " + (m + 1));
    }
    retract(notices);
    phase("notices down");
    kiosks(i -> new JsonObject().put("action", "checkOut").put("attendeeId", attendees.get(i)));
    phase("check-out");
    closeMeeting();
    phase("close");
    return new Result((System.nanoTime() - start) / 1e9, phases.toString(), Latencies.of(stormMillis), ballots, posts);
  }

  /** The next day's meeting, planned before this one closes so the room moves on to it. */
  private JsonObject next;

  JsonObject nextMeeting() {
    return next;
  }

  private void closeMeeting() throws InterruptedException {
    next = server.planMeeting(params.voters(), params.matters(), params.clockSeconds());
    String moved = host("closeMeeting", new JsonObject()).getString("nextMeetingId");
    if (!next.getString("meetingId").equals(moved)) {
      throw new SoakBenchmark.SoakFailure("the room moved on to " + moved + ", not to the planned " + next.getString("meetingId"));
    }
  }

  // ---- matters: speeches and votes ----

  private void matter(int m) throws InterruptedException {
    host("gotoMatter", new JsonObject().put("index", m));
    int speeches = share(params.speeches(), m);
    int votes = share(params.votes(), m);
    boolean byClock = m == params.matters() - 1;
    for (int k = 0; k < Math.max(speeches, votes); k++) {
      if (k < speeches) {
        speech(k % attendees.size(), byClock);
      }
      if (k < votes) {
        vote(m, k);
      }
    }
  }

  /** This matter's share of a day's total, spread as evenly as the matters allow. */
  private int share(int total, int m) {
    return total / params.matters() + (m < total % params.matters() ? 1 : 0);
  }

  private void speech(int attendee, boolean byClock) throws InterruptedException {
    command(pages.kiosks.get(attendee), new JsonObject().put("action", "raiseHand").put("attendeeId", attendees.get(attendee)));
    String speechId = host("giveFloor", new JsonObject().put("attendeeId", attendees.get(attendee))).getString("speechId");
    if (!byClock) {
      String ended = host("endSpeech", new JsonObject()).getString("speechId");
      if (!speechId.equals(ended)) {
        throw new SoakBenchmark.SoakFailure("endSpeech ended " + ended + ", not the speech " + speechId);
      }
      return;
    }
    long limit = params.clockSeconds() * 1000L + WAIT_MS;
    if (!waitUntil(limit, () -> !speechId.equals(floorSpeechId()), 100)) {
      throw new SoakBenchmark.SoakFailure("the clock did not end speech " + speechId + " within " + limit + " ms");
    }
  }

  private String floorSpeechId() {
    JsonObject floor = host("snapshot", new JsonObject()).getJsonObject("meeting", new JsonObject()).getJsonObject("floor");
    return floor == null ? null : floor.getString("speechId");
  }

  /** One vote: every attendee votes at once, and the outcome, the stored box and every display must agree. */
  private void vote(int m, int k) throws InterruptedException {
    String voteId = host("openVote", new JsonObject().put("motion", "议题 " + (m + 1) + " 第 " + (k + 1) + " 次表决：同意方案")
        .put("secret", false).put("walkInsVote", false).put("liveTally", true).put("base", "CAST")).getString("voteId");
    int n = attendees.size();
    List<Future<JsonObject>> cast = new ArrayList<>();
    int[] expected = new int[3];
    for (int i = 0; i < n; i++) {
      int choice = (i + k) % 3;
      expected[choice]++;
      cast.add(pages.kiosks.get(i).bus.request(RoomAddresses.COMMANDS, new JsonObject().put("action", "castBallot")
          .put("attendeeId", attendees.get(i)).put("voteId", voteId).put("choice", CHOICES[choice])));
    }
    awaitAll(cast, "castBallot");
    JsonObject outcome = host("closeVote", new JsonObject()).getJsonObject("outcome");
    JsonObject box = server.box(voteId);
    Set<Object> voters = new HashSet<>(box.getJsonArray("voters").getList());
    List<String> wrong = new ArrayList<>();
    check(wrong, "box cast", box.getInteger("cast"), n);
    check(wrong, "box voters", box.getJsonArray("voters").size(), n);
    check(wrong, "distinct voters", voters.size(), n);
    check(wrong, "outcome cast", outcome.getInteger("cast"), n);
    for (int c = 0; c < 3; c++) {
      check(wrong, "outcome " + CHOICES[c], outcome.getInteger(CHOICES[c]), expected[c]);
      check(wrong, "box " + CHOICES[c], box.getJsonObject("counts").getInteger(CHOICES[c]), expected[c]);
    }
    if (!attendees.stream().allMatch(voters::contains)) {
      wrong.add("an attendee's ballot is missing from the box");
    }
    if (!waitUntil(WAIT_MS, () -> pages.displays.stream().allMatch(d -> d.tallies.highest(voteId) >= n), 10)) {
      wrong.add(pages.displays.stream().filter(d -> d.tallies.highest(voteId) < n).count() + " displays never showed all " + n);
    }
    if (pages.displays.stream().anyMatch(d -> d.tallies.highestClaimed(voteId) > n)) {
      wrong.add("a display was shown more than " + n + " ballots");
    }
    if (!wrong.isEmpty()) {
      throw new SoakBenchmark.SoakFailure("vote " + voteId + ": " + String.join("; ", wrong) + " (box " + box.encode()
          + ", outcome " + outcome.encode() + ")");
    }
    pages.displays.forEach(d -> d.tallies.forget(voteId));
    host("announceResult", new JsonObject());
    ballots += n;
  }

  private static void check(List<String> wrong, String what, Integer actual, int expected) {
    if (actual == null || actual != expected) {
      wrong.add(what + " " + actual + " (expected " + expected + ")");
    }
  }

  // ---- notices, phones, the reconnect storm ----

  /** A published notice and the boards it targets. */
  private record Notice(String id, Set<String> boards) {
  }

  /** Even notices go everywhere, odd ones to the first half of the boards (at most 100). */
  private List<Notice> publishNotices(int day) throws InterruptedException {
    List<Notice> notices = new ArrayList<>();
    List<String> boardIds = pages.boards.stream().map(b -> b.boardId).toList();
    for (int k = 0; k < params.notices(); k++) {
      long now = System.currentTimeMillis();
      List<String> some = boardIds.subList(0, Math.min(100, Math.max(1, boardIds.size() / 2)));
      JsonObject targets = k % 2 == 0 || boardIds.isEmpty() ? new JsonObject().put("everywhere", true)
          : new JsonObject().put("everywhere", false).put("displays", new JsonArray(some));
      String id = console("saveNotice", new JsonObject().put("kind", "PUBLICITY").put("title", "第 " + day + " 天通知 " + (k + 1))
          .put("body", NOTICE_BODY).put("targets", targets).put("startsAt", now).put("endsAt", now + 3600_000)
          .put("priority", k % 3).put("urgent", false)).getJsonObject("notice").getString("id");
      console("publishNotice", new JsonObject().put("id", id));
      notices.add(new Notice(id, new HashSet<>(targets.getBoolean("everywhere") ? boardIds : some)));
    }
    for (Notice notice : notices) {
      awaitBoards(notice, true);
    }
    return notices;
  }

  private void retract(List<Notice> notices) throws InterruptedException {
    for (Notice notice : notices) {
      console("retractNotice", new JsonObject().put("id", notice.id()));
    }
    for (Notice notice : notices) {
      awaitBoards(notice, false);
    }
  }

  /** Every board the notice targets must come to hold it (or, retracted, no longer hold it). */
  private void awaitBoards(Notice notice, boolean shown) throws InterruptedException {
    List<SoakPages.Page> targeted = pages.boards.stream().filter(b -> notice.boards().contains(b.boardId)).toList();
    if (!waitUntil(WAIT_MS, () -> targeted.stream().allMatch(b -> b.noticeIds().contains(notice.id()) == shown), 10)) {
      long behind = targeted.stream().filter(b -> b.noticeIds().contains(notice.id()) != shown).count();
      throw new SoakBenchmark.SoakFailure(behind + " boards still " + (shown ? "lack" : "show") + " notice " + notice.id()
          + " after " + WAIT_MS + " ms");
    }
  }

  /** The day's phone ratings, each from a board's QR code; every notice's feedback count must match. */
  private int feedback(List<Notice> notices) {
    if (pages.boards.isEmpty() || notices.isEmpty() || params.feedback() == 0) {
      return 0;
    }
    Set<String> today = new HashSet<>(notices.stream().map(Notice::id).toList());
    int boards = pages.boards.size();
    Map<String, Integer> phonesPerNotice = phones.post(params.feedback(), phone -> {
      SoakPages.Page board = pages.boards.get(phone % boards);
      List<String> shown = board.noticeIds().stream().filter(today::contains).toList();
      String id = shown.get((phone / boards) % shown.size());
      return new SoakPhones.Scan(id, board.playlist.getJsonObject("qr").getString(id));
    });
    for (Map.Entry<String, Integer> rated : phonesPerNotice.entrySet()) {
      int total = console("listFeedback", new JsonObject().put("noticeId", rated.getKey()))
          .getJsonObject("summary").getInteger("total");
      if (total != rated.getValue()) {
        throw new SoakBenchmark.SoakFailure("notice " + rated.getKey() + " has " + total + " phones' ratings, "
            + rated.getValue() + " phones rated it");
      }
    }
    return params.feedback();
  }

  /**
   * Every kiosk, display and board drops its socket and reconnects; then a host's summary must reach
   * every room page (their registrations are back). Boards show theirs when the notices come down.
   */
  private void reconnectStorm(int day) throws InterruptedException {
    stormMillis = pages.storm();
    List<SoakPages.Page> room = new ArrayList<>(pages.kiosks);
    room.addAll(pages.displays);
    int[] before = room.stream().mapToInt(p -> p.pushes.get()).toArray();
    host("summarise", new JsonObject().put("text", "第 " + day + " 天：重连之后的小结，各方意见已记录。"));
    if (!waitUntil(WAIT_MS, () -> {
      for (int i = 0; i < before.length; i++) {
        if (room.get(i).pushes.get() <= before[i]) {
          return false;
        }
      }
      return true;
    }, 10)) {
      long deaf = 0;
      for (int i = 0; i < before.length; i++) {
        deaf += room.get(i).pushes.get() <= before[i] ? 1 : 0;
      }
      throw new SoakBenchmark.SoakFailure(deaf + " room pages got no push after the reconnect storm: registration lost");
    }
  }

  // ---- helpers ----

  private JsonObject host(String action, JsonObject params) {
    try {
      return pages.hostCommand(action, params);
    } catch (RuntimeException | AssertionError e) {
      throw new SoakBenchmark.SoakFailure("host " + action + " refused: " + e.getMessage());
    }
  }

  private JsonObject console(String action, JsonObject params) {
    try {
      return pages.console(action, params);
    } catch (RuntimeException | AssertionError e) {
      throw new SoakBenchmark.SoakFailure("console " + action + " refused: " + e.getMessage());
    }
  }

  private void command(SoakPages.Page kiosk, JsonObject body) {
    try {
      Await.result(kiosk.bus.request(RoomAddresses.COMMANDS, body));
    } catch (RuntimeException | AssertionError e) {
      throw new SoakBenchmark.SoakFailure("kiosk " + body.getString("action") + " refused: " + e.getMessage());
    }
  }

  /** The same command from every kiosk for its own attendee, at most 50 at a time. */
  private void kiosks(java.util.function.IntFunction<JsonObject> body) {
    for (int from = 0; from < attendees.size(); from += BenchRoom.BATCH) {
      List<Future<JsonObject>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(attendees.size(), from + BenchRoom.BATCH); i++) {
        batch.add(pages.kiosks.get(i).bus.request(RoomAddresses.COMMANDS, body.apply(i)));
      }
      awaitAll(batch, body.apply(0).getString("action"));
    }
  }

  private static void awaitAll(List<Future<JsonObject>> replies, String action) {
    try {
      Future.join(replies).toCompletionStage().toCompletableFuture().get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      // counted below
    }
    long refused = replies.stream().filter(f -> !f.succeeded()).count();
    if (refused > 0) {
      throw new SoakBenchmark.SoakFailure(refused + " of " + replies.size() + " " + action + " commands refused or unanswered; first: "
          + replies.stream().filter(Future::failed).map(f -> String.valueOf(f.cause())).findFirst().orElse("no answer in 60 s"));
    }
  }

  private void phase(String name) {
    long now = System.nanoTime();
    if (name != null) {
      phases.append(phases.length() == 0 ? "" : ", ").append(String.format("%s %.1f s", name, (now - phaseStart) / 1e9));
    }
    phaseStart = now;
  }

  private static boolean waitUntil(long timeoutMs, BooleanSupplier condition, long pollMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(pollMs);
    }
    return true;
  }
}
