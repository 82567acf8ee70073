package org.shangliang.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shangliang.app.DemoData;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.StoredBallots;
import org.shangliang.support.TestServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backup taken while ballots come in holds every ballot acknowledged before it began, and restores. */
class BackupRestoreTest {
  static final int WALK_INS = 60;

  @TempDir
  Path restoredDir;
  TestServer server;
  TestServer restored;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (restored != null) {
      restored.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("a backup taken mid-vote, restored into a fresh folder, holds every ballot acknowledged before it began")
  void backupMidVote() throws Exception {
    BridgeClient host = server.bridge(server.login("cadre"));
    BridgeClient kiosk = server.bridge(server.token("Kiosk 3"));
    Await.result(command(host, "openMeeting", new JsonObject()));
    List<String> voters = new ArrayList<>();
    for (int n = 1; n <= DemoData.ATTENDEE_COUNT; n++) {
      String id = attendee(n);
      Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", id)));
      voters.add(id);
    }
    for (int i = 0; i < WALK_INS; i++) {
      voters.add(Await.result(command(kiosk, "registerWalkIn", new JsonObject().put("name", "居民" + i)
          .put("kind", "RESIDENT"))).getString("attendeeId"));
    }
    String voteId = Await.result(command(host, "openVote", new JsonObject().put("motion", "同意方案").put("secret", true)
        .put("walkInsVote", true).put("liveTally", false).put("base", "CAST"))).getString("voteId");

    int half = voters.size() / 2;
    Set<String> acknowledged = new HashSet<>();
    List<Future<JsonObject>> first = new ArrayList<>();
    for (String voter : voters.subList(0, half)) {
      first.add(command(kiosk, "castBallot", ballot(voteId, voter)));
    }
    for (int i = 0; i < half; i++) {
      Await.result(first.get(i));
      acknowledged.add(voters.get(i));
    }
    List<Future<JsonObject>> rest = new ArrayList<>();
    for (String voter : voters.subList(half, voters.size())) {
      rest.add(command(kiosk, "castBallot", ballot(voteId, voter)));
    }
    HttpResponse<String> backup = requestBackup(token(server.dataDir));
    rest.forEach(Await::result);

    assertEquals(201, backup.statusCode(), backup.body());
    JsonObject taken = new JsonObject(backup.body());
    Path file = Path.of(taken.getString("file"));
    assertTrue(Files.size(file) > 0);
    System.out.printf("backup mid-vote: %d bytes in %d ms%n", taken.getLong("bytes"), taken.getLong("tookMs"));
    assertThrows(IllegalStateException.class, () -> Backups.restore(file, server.dataDir),
        "the running server's store is never overwritten");

    Backups.restore(file, restoredDir);
    restored = TestServer.start(restoredDir, 0);
    StoredBallots ballots = StoredBallots.of(restored.app.db().mongo(), voteId);
    Set<String> kept = new HashSet<>();
    ballots.voters().forEach(v -> kept.add((String) v));
    assertTrue(kept.containsAll(acknowledged), "every ballot acknowledged before the backup: " + acknowledged.size()
        + " acknowledged, " + kept.size() + " kept");
    assertEquals(kept.size(), ballots.cast(), "counts and voters agree in the copy");
    JsonObject meeting = Await.result(command(restored.bridge(restored.login("cadre")), "snapshot", new JsonObject()))
        .getJsonObject("meeting");
    assertEquals("OPEN", meeting.getJsonObject("vote").getString("status"));
  }

  @Test
  @DisplayName("only the data folder's token from this machine may take a backup; the token file is its owner's alone")
  void backupNeedsTheToken() throws Exception {
    Path tokenFile = server.dataDir.resolve(Backups.TOKEN_FILE);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
    assertEquals(403, requestBackup("not-the-token").statusCode());
    assertEquals(403, requestBackup(null).statusCode());
    assertTrue(!Files.exists(server.dataDir.resolve("backups"))
        || Files.list(server.dataDir.resolve("backups")).findAny().isEmpty(), "nothing written");
    assertEquals(201, requestBackup(token(server.dataDir)).statusCode());
  }

  HttpResponse<String> requestBackup(String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/backup"))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("X-Backup-Token", token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String token(Path dataDir) throws Exception {
    return Files.readString(dataDir.resolve(Backups.TOKEN_FILE)).strip();
  }

  static JsonObject ballot(String voteId, String voter) {
    return new JsonObject().put("attendeeId", voter).put("voteId", voteId).put("choice", "FOR");
  }
}
