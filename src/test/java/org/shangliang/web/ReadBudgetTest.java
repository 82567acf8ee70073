package org.shangliang.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A connection's read budget, on a channel of its own: held back only once it overspent, and then not for long. */
class ReadBudgetTest {

  @Test
  @DisplayName("a connection within its budget is read on, one that overspent is held back until the budget refills")
  void holdsBackOnlyWhenOverspent() throws Exception {
    EmbeddedChannel channel = new EmbeddedChannel(new ReadBudget(10_000));
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[6_000]));
    assertTrue(channel.config().isAutoRead(), "within a second's budget");
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[6_000]));
    assertFalse(channel.config().isAutoRead(), "2,000 bytes over the budget: held back");
    assertEquals(2, channel.inboundMessages().size(), "what was read is passed on all the same");
    channel.runScheduledPendingTasks();
    assertFalse(channel.config().isAutoRead(), "not before the budget refilled");
    Thread.sleep(250); // 2,000 bytes at 10,000 a second: 200 ms
    channel.runScheduledPendingTasks();
    assertTrue(channel.config().isAutoRead(), "read again once the budget refilled");
    channel.finishAndReleaseAll();
  }

  @Test
  @DisplayName("a connection paused by its reader is left paused: the budget never resumes what it did not hold back")
  void leavesOthersPausesAlone() throws Exception {
    EmbeddedChannel channel = new EmbeddedChannel(new ReadBudget(1_000));
    channel.config().setAutoRead(false);
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[5_000]));
    Thread.sleep(50);
    channel.runScheduledPendingTasks();
    assertFalse(channel.config().isAutoRead());
    channel.finishAndReleaseAll();
  }
}
