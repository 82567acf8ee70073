package org.shangliang.web;

import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

/**
 * The context a bridge socket's SockJS session was opened on. A session writes at once only when
 * called from that very context; from any other it queues the write as a task on the event loop,
 * and the bridge calls it from the context of each message's delivery, which is always another
 * one (Vert.x delivers every event-bus message on a context of its own). That was one task per
 * frame and page: in a vote, a hundred frames a second to each of 200 displays. When the caller
 * is on the session's event-loop thread anyway, the write runs here as if on the session's own
 * context, which is what the task would have done, only without the queue; the order of one
 * socket's frames is kept by the session's own queue of pending writes. From another thread the
 * write is left to the session, which hands it over as before.
 */
final class SessionContext {
  private final ContextInternal context;

  private SessionContext(ContextInternal context) {
    this.context = context;
  }

  /** The context of the caller: the bridge opens a socket (SOCKET_CREATED) on its session's context. */
  static SessionContext ofCaller() {
    return Vertx.currentContext() instanceof ContextInternal context ? new SessionContext(context) : null;
  }

  /** Runs the write on the session's context if this thread is its event loop; otherwise as it is. */
  static void run(SessionContext session, Runnable write) {
    if (session != null && session.context.inThread() && !session.context.isRunningOnContext()) {
      session.context.dispatch(write);
    } else {
      write.run();
    }
  }
}
