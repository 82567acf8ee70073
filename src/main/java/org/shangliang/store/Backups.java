package org.shangliang.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.h2.mvstore.MVStore;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backups of the embedded store, taken while the server runs (during a vote too), and restoring
 * one while it does not. A backup is a zip holding the store file as of one commit: every write
 * acknowledged before the backup began is in it. With a real MongoDB, mongodump does this job.
 *
 * <p>Who may ask the running server for a backup is whoever can read its data folder: the server
 * writes a random token there ({@value #TOKEN_FILE}, readable by its owner only) and the
 * {@code backup} command sends it back.
 */
public final class Backups {
  private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
  public static final String TOKEN_FILE = "backup.token";
  public static final String STORE_FILE = "shangliang.mv.db";
  static final String FOLDER = "backups";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private final Vertx vertx;
  private final Database db;
  private final Path dataDir;
  private final String tokenDigest;

  private Backups(Vertx vertx, Database db, Path dataDir, String tokenDigest) {
    this.vertx = vertx;
    this.db = db;
    this.dataDir = dataDir;
    this.tokenDigest = tokenDigest;
  }

  /** For the embedded store: writes a fresh token file into its folder; null with a real MongoDB. */
  public static Backups forEmbedded(Vertx vertx, Database db) {
    if (!db.isEmbedded()) {
      return null;
    }
    Path dir = db.embeddedDataDir().toPath();
    String token = Secrets.random(32);
    try {
      Path file = dir.resolve(TOKEN_FILE);
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, token);
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("cannot write the backup token into " + dir, e);
    }
    return new Backups(vertx, db, dir, Secrets.digest(token));
  }

  public boolean accepts(String presented) {
    return Secrets.matches(presented, tokenDigest);
  }

  /** Takes a backup into the data folder's {@value #FOLDER}/; answers its file, size and duration. */
  public Future<JsonObject> take() {
    return vertx.executeBlocking(() -> {
      long started = System.currentTimeMillis();
      Path folder = Files.createDirectories(dataDir.resolve(FOLDER));
      String name = "shangliang-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + ".zip";
      Path partial = folder.resolve(name + ".partial");
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
        db.copyEmbeddedStore(zip);
      }
      Path done = Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      long took = System.currentTimeMillis() - started;
      LOG.info("backup {} written in {} ms", done, took);
      return new JsonObject().put("file", done.toAbsolutePath().toString()).put("bytes", Files.size(done))
          .put("tookMs", took);
    }, false);
  }

  /** Keeps the newest {@code keep} backups in the folder, deleting older ones. */
  public Future<Void> prune(int keep) {
    return vertx.executeBlocking(() -> {
      Path folder = dataDir.resolve(FOLDER);
      if (!Files.isDirectory(folder)) {
        return null;
      }
      try (Stream<Path> files = Files.list(folder)) {
        List<Path> old = files.filter(f -> f.getFileName().toString().endsWith(".zip"))
            .sorted(Comparator.comparing(Path::getFileName).reversed()).skip(keep).toList();
        for (Path file : old) {
          Files.deleteIfExists(file);
        }
      }
      return null;
    }, false);
  }

  /**
   * Puts a backup in place of the store in {@code dataDir}, which no server may have open. The
   * store it replaces is kept beside it, renamed, and the backup is opened once to check it reads.
   */
  public static Path restore(Path backup, Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path store = dataDir.resolve(STORE_FILE);
    requireNotInUse(store);
    Path incoming = dataDir.resolve(STORE_FILE + ".restoring");
    extractStore(backup, incoming);
    MVStore check = new MVStore.Builder().fileName(incoming.toString()).readOnly().open();
    check.close();
    if (Files.exists(store)) {
      String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
      Files.move(store, dataDir.resolve(STORE_FILE + ".before-restore-" + stamp));
    }
    return Files.move(incoming, store, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void extractStore(Path backup, Path target) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.isDirectory() && entry.getName().endsWith(".mv.db")) {
          copy(zip, target);
          return;
        }
      }
    }
    throw new Failure(ErrorCode.BAD_REQUEST, "the backup " + backup + " holds no store file");
  }

  private static void copy(InputStream in, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target)) {
      in.transferTo(out);
    }
  }

  /** A running server holds a lock on its store file; restoring under it would corrupt both. */
  private static void requireNotInUse(Path store) throws IOException {
    if (!Files.exists(store)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(store, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new IllegalStateException("the store " + store + " is in use: stop the server before restoring");
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw new IllegalStateException("the store " + store + " is in use: stop the server before restoring", e);
    }
  }
}
