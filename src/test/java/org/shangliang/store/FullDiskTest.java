package org.shangliang.store;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.support.Await;
import org.shangliang.support.BridgeClient;
import org.shangliang.support.TestServer;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.shangliang.support.DemoRoom.attendee;
import static org.shangliang.support.DemoRoom.command;

/**
 * The embedded store's disk fills up during a meeting (a small tmpfs, filled by another file):
 * writes are refused with STORE_WRITE_FAILED, nothing unsaved is acknowledged, and the store opens
 * again afterwards with every acknowledged write. Needs permission to mount a tmpfs (root).
 */
class FullDiskTest {
  Path mount;
  TestServer server;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    mount = Files.createTempDirectory("shangliang-small-disk");
    Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString())
        .redirectErrorStream(true).start();
    assumeTrue(mounting.waitFor(10, TimeUnit.SECONDS) && mounting.exitValue() == 0,
        "this machine does not let the test mount a small disk");
  }

  @AfterEach
  void unmount() throws Exception {
    if (server != null) {
      server.close();
    }
    new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a full disk: writes answer STORE_WRITE_FAILED, no unsaved write is acknowledged, and the store reopens with every acknowledged one")
  void fullDisk() throws Exception {
    Path data = Files.createDirectories(mount.resolve("data"));
    server = TestServer.start(data, 0);
    BridgeClient host = server.bridge(server.login("cadre"));
    BridgeClient kiosk = server.bridge(server.token("Kiosk 3"));
    Await.result(command(host, "openMeeting"));
    Await.result(command(kiosk, "checkIn", new JsonObject().put("attendeeId", attendee(1))));
    fill(mount.resolve("filler"));

    Set<String> acknowledged = new HashSet<>();
    acknowledged.add(attendee(1));
    String refusal = null;
    for (int i = 0; i < 200 && refusal == null; i++) {
      String walkIn = ("居民" + i + "号" + "长".repeat(20)).substring(0, 20);
      try {
        acknowledged.add(Await.result(command(kiosk, "registerWalkIn", new JsonObject().put("name", walkIn)
            .put("kind", "RESIDENT"))).getString("attendeeId"));
      } catch (AssertionError refused) {
        refusal = refused.getCause() instanceof BridgeClient.BridgeFailure f ? f.code : String.valueOf(refused.getCause());
      }
    }
    System.out.printf("disk full after %d acknowledged check-ins: refused with %s%n", acknowledged.size(), refusal);
    assertEquals("STORE_WRITE_FAILED", refusal);

    server.close();
    server = null;
    Files.delete(mount.resolve("filler"));
    server = TestServer.start(data, 0);
    JsonObject snapshot = Await.result(command(server.bridge(server.login("cadre")), "snapshot"));
    Set<String> kept = new HashSet<>();
    snapshot.getJsonArray("attendees").forEach(a -> {
      JsonObject attendee = (JsonObject) a;
      if (attendee.getBoolean("checkedIn")) {
        kept.add(attendee.getString("id"));
      }
    });
    assertTrue(kept.containsAll(acknowledged), "every acknowledged check-in is kept: " + acknowledged.size()
        + " acknowledged, " + kept.size() + " kept");
  }

  /** Writes until the disk is full, then frees a little so the store's next write is the one that fails. */
  static void fill(Path filler) throws Exception {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (java.io.IOException full) {
      // the disk is full
    }
  }
}
