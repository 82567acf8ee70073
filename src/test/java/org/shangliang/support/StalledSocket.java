package org.shangliang.support;

import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A page that stopped reading, as a hostile or stuck client does it: a plain TCP socket that opens
 * the bridge's raw WebSocket, registers for an address, and then reads nothing at all, though it
 * may still ping. Costs the test no thread and no heap; what the server sends waits in the kernel
 * or the server.
 */
public final class StalledSocket implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Socket socket;
  private final String token;

  private StalledSocket(Socket socket, String token) {
    this.socket = socket;
    this.token = token;
  }

  /** Connects, upgrades to a WebSocket, registers for the address with the token, and stops reading. */
  public static StalledSocket register(int port, String token, String address) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    String request = "GET /eventbus/websocket HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    String response = readHeaders(socket.getInputStream());
    if (!response.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("no WebSocket upgrade: " + response.lines().findFirst().orElse(""));
    }
    StalledSocket stalled = new StalledSocket(socket, token);
    stalled.send(new JsonObject().put("type", "register").put("address", address));
    return stalled;
  }

  /** Sends the bridge's ping, which keeps a socket from being closed as idle; false once the connection is gone. */
  public boolean ping() {
    try {
      send(new JsonObject().put("type", "ping"));
      return true;
    } catch (IOException gone) {
      return false;
    }
  }

  private void send(JsonObject frame) throws IOException {
    frame.put("headers", new JsonObject().put("auth", token));
    socket.getOutputStream().write(maskedTextFrame(frame.encode().getBytes(StandardCharsets.UTF_8)));
    socket.getOutputStream().flush();
  }

  /**
   * Starts reading again and reads until the server's end of the connection, answering whether it
   * ended (end of stream or a reset) before the deadline, that is whether the server closed it.
   */
  public boolean readUntilClosed(long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    byte[] buffer = new byte[256 * 1024];
    try {
      InputStream in = socket.getInputStream();
      while (System.currentTimeMillis() < deadline) {
        socket.setSoTimeout((int) Math.max(1, Math.min(1000, deadline - System.currentTimeMillis())));
        try {
          if (in.read(buffer) < 0) {
            return true;
          }
        } catch (SocketTimeoutException quiet) {
          // nothing yet: the connection is still open, keep waiting until the deadline
        }
      }
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static String readHeaders(InputStream in) throws IOException {
    ByteArrayOutputStream headers = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      headers.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return headers.toString(StandardCharsets.US_ASCII);
  }

  /** A client's frames are masked (RFC 6455 5.3); one final text frame. */
  private static byte[] maskedTextFrame(byte[] payload) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    }
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    frame.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    return frame.toByteArray();
  }
}
