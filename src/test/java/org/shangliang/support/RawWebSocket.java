package org.shangliang.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;

/**
 * A WebSocket written by hand over a plain TCP socket, for what a well-behaved client never sends:
 * a frame compressed although the server did not agree to it, a compressed message far larger than
 * its wire size, a message split into many fragments. It speaks only what these tests need.
 */
public final class RawWebSocket implements AutoCloseable {
  public static final int TEXT = 0x1;
  public static final int CONTINUATION = 0x0;
  public static final int CLOSE = 0x8;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  /** The handshake's answer: its status line and headers. */
  public final String handshake;

  private RawWebSocket(Socket socket, String handshake) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.handshake = handshake;
  }

  /** Opens path with the given Sec-WebSocket-Extensions offer (or none) and reads the 101 answer. */
  public static RawWebSocket open(int port, String path, String extensions) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    String key = Base64.getEncoder().encodeToString(randomBytes(16));
    String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
        + (extensions == null ? "" : "Sec-WebSocket-Extensions: " + extensions + "\r\n") + "\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    String answer = readHead(socket.getInputStream());
    if (!answer.startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("no upgrade: " + answer);
    }
    return new RawWebSocket(socket, answer);
  }

  /** The extensions the server agreed to, or "" when it agreed to none. */
  public String agreedExtensions() {
    return handshake.lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-extensions:"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
  }

  /** One masked frame; rsv1 marks it compressed (permessage-deflate). */
  public void sendFrame(int opcode, boolean fin, boolean rsv1, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length < 65_536) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length);
    } else {
      frame.write(0x80 | 127);
      long length = payload.length;
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (length >>> shift));
      }
    }
    byte[] mask = randomBytes(4);
    frame.write(mask);
    byte[] masked = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      masked[i] = (byte) (payload[i] ^ mask[i & 3]);
    }
    frame.write(masked);
    out.write(frame.toByteArray());
    out.flush();
  }

  public void sendText(String text) throws IOException {
    sendFrame(TEXT, true, false, text.getBytes(StandardCharsets.UTF_8));
  }

  /** What the server sent next: a data frame's text, a close (with its code), or the end of the stream. */
  public Received receive(int timeoutMs) throws IOException {
    socket.setSoTimeout(timeoutMs);
    try {
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      int opcode = first & 0x0f;
      if (opcode == CLOSE) {
        int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        return new Received(Received.Kind.CLOSE, code,
            payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "");
      }
      return new Received(Received.Kind.DATA, opcode, new String(payload, StandardCharsets.UTF_8));
    } catch (EOFException | java.net.SocketException e) {
      return new Received(Received.Kind.END, 1006, "");
    } catch (SocketTimeoutException e) {
      return new Received(Received.Kind.NOTHING, 0, "");
    }
  }

  /** Reads until the server closes or ends the connection, or nothing more comes within timeoutMs. */
  public Received awaitEnd(int timeoutMs) throws IOException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      int left = (int) Math.max(1, deadline - System.currentTimeMillis());
      Received next = receive(left);
      if (next.kind() != Received.Kind.DATA || System.currentTimeMillis() >= deadline) {
        return next;
      }
    }
  }

  /**
   * permessage-deflate's payload for text (RFC 7692: a raw deflate stream, flushed, without its
   * final empty block's 00 00 ff ff).
   */
  public static byte[] deflate(byte[] text) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(text);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    int n;
    while ((n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH)) > 0) {
      out.write(chunk, 0, n);
    }
    deflater.end();
    byte[] all = out.toByteArray();
    return java.util.Arrays.copyOf(all, all.length - 4);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed during the handshake: " + head);
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  /** DATA (code = opcode), CLOSE (code = status), END (the connection ended) or NOTHING (timeout). */
  public record Received(Kind kind, int code, String text) {
    public enum Kind { DATA, CLOSE, END, NOTHING }

    public boolean ended() {
      return kind == Kind.CLOSE || kind == Kind.END;
    }
  }
}
