package org.shangliang.bench;

import io.vertx.core.Vertx;

/**
 * The cold-start baseline: a bare Vert.x HTTP server whose /health answers UP as soon as it
 * listens, with nothing else (no database, no bridge, no verticles): the least a JVM with Vert.x
 * takes to answer on this machine. Argument: the port.
 */
public final class BareHealthServer {
  private BareHealthServer() {
  }

  public static void main(String[] args) {
    Vertx.vertx().createHttpServer()
        .requestHandler(request -> request.response().putHeader("content-type", "application/json")
            .end("{\"status\":\"UP\"}"))
        .listen(Integer.parseInt(args[0]), "127.0.0.1");
  }
}
