package org.shangliang.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;

import java.util.concurrent.TimeUnit;

/**
 * What one connection may read per second, as a token bucket: the budget refills continuously up
 * to one second's worth, each read spends it, and a connection that overspent stops being read
 * (TCP pushes back on the sender) until the budget is positive again. It costs a timer only while
 * a connection is held back. Netty's per-channel shaping handler scheduled a task on every channel
 * every second, which on 10,000 idle screens kept the event loop busy with nothing but timers; its
 * shared variant slows down whichever channel read the most, even under its budget.
 */
final class ReadBudget extends ChannelDuplexHandler {
  private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Shorter holds are not worth a timer: the budget is a second's average, not a rate per packet. */
  private static final long MIN_HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final long bytesPerSecond;
  private long budget;
  private long refilledAt = System.nanoTime();
  private boolean holding;

  ReadBudget(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
    this.budget = bytesPerSecond;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    long now = System.nanoTime();
    refill(now);
    budget -= sizeOf(msg);
    if (budget < 0 && !holding) {
      long holdNanos = Math.max(MIN_HOLD_NANOS, -budget * SECOND_NANOS / bytesPerSecond);
      hold(ctx, holdNanos);
    }
    ctx.fireChannelRead(msg);
  }

  /** While held back, the connection's own requests to read wait too. */
  @Override
  public void read(ChannelHandlerContext ctx) {
    if (!holding) {
      ctx.read();
    }
  }

  private void refill(long now) {
    long elapsed = now - refilledAt;
    refilledAt = now;
    budget = Math.min(bytesPerSecond, budget + elapsed * bytesPerSecond / SECOND_NANOS);
  }

  private void hold(ChannelHandlerContext ctx, long nanos) {
    ChannelConfig config = ctx.channel().config();
    if (!config.isAutoRead()) {
      return; // already paused by whoever reads from it
    }
    holding = true;
    config.setAutoRead(false);
    ctx.executor().schedule(() -> release(ctx), nanos, TimeUnit.NANOSECONDS);
  }

  private void release(ChannelHandlerContext ctx) {
    holding = false;
    if (ctx.channel().isActive()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  private static long sizeOf(Object msg) {
    if (msg instanceof ByteBuf buf) {
      return buf.readableBytes();
    }
    if (msg instanceof ByteBufHolder holder) {
      return holder.content().readableBytes();
    }
    return 0;
  }
}
