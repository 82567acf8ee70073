package org.shangliang.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.shangliang.store.NodeBackend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A MongoDB-protocol server in a process of its own, standing in for a shared MongoDB (none installs
 * on these machines): several server processes can use it as their {@code MONGO_URI}, and a test can
 * freeze it (SIGSTOP) to see what the servers do when their database stops answering.
 */
public final class StoreProcess implements AutoCloseable {
  private final Process process;
  public final int port;

  private StoreProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Which backend the child serves with. */
  public enum Backend {
    /** mongo-java-server's own H2 backend, as a test of outages needs nothing more. */
    STOCK,
    /** The embedded store's backend, as fast as the node's own store (for benchmarks). */
    NODE
  }

  /**
   * Runs in the child: serves {@code args[0]} (an H2 file) on port {@code args[1]} with the backend
   * named by {@code args[2]} until killed.
   */
  public static void main(String[] args) throws Exception {
    H2Backend backend = Backend.valueOf(args[2]) == Backend.NODE ? NodeBackend.open(args[0]) : new H2Backend(args[0]);
    MongoServer server = new MongoServer(backend);
    server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])));
    System.out.println("STORE READY");
    Thread.currentThread().join();
  }

  public static StoreProcess start(Path file) throws Exception {
    return start(file, Backend.STOCK, "256m");
  }

  public static StoreProcess start(Path file, Backend backend, String maxHeap) throws Exception {
    int port = ServerProcess.freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"),
        StoreProcess.class.getName(), file.toString(), String.valueOf(port), backend.name())
        .redirectErrorStream(true).start();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.contains("STORE READY")) {
            ready.complete(null);
          }
        }
        ready.completeExceptionally(new IllegalStateException("the store process exited"));
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
    }, "store-output");
    reader.setDaemon(true);
    reader.start();
    ready.get(30, TimeUnit.SECONDS);
    return new StoreProcess(process, port);
  }

  public String uri() {
    return "mongodb://127.0.0.1:" + port + "/shangliang";
  }

  /** SIGSTOP: the process keeps its sockets open and answers nothing, like a hung database host. */
  public void freeze() throws Exception {
    signal("STOP");
  }

  public void thaw() throws Exception {
    signal("CONT");
  }

  private void signal(String name) throws Exception {
    new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    thaw();
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
