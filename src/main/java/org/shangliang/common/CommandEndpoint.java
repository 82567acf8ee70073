package org.shangliang.common;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.shangliang.metrics.Meters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What every command address shares: a size limit, the action's JSON Schema, who may send it, and
 * one mapping of any refusal to a named failure reply. The actions themselves are registered by
 * the feature that owns the address.
 */
public final class CommandEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(CommandEndpoint.class);

  /** A command that passed size, schema and access checks. */
  public record Request(Identity who, JsonObject body) {
    public String action() { return body.getString("action"); }
  }

  private record Action(Predicate<Identity> allowed, Function<Request, Future<JsonObject>> run) {
  }

  private final String address;
  private final int maxBytes;
  private final Schemas schemas;
  private final Map<String, Action> actions = new HashMap<>();

  public CommandEndpoint(String address, int maxBytes, Schemas schemas) {
    this.address = address;
    this.maxBytes = maxBytes;
    this.schemas = schemas;
  }

  /** Registers an action; callers that {@code allowed} refuses get UNAUTHENTICATED (anonymous) or FORBIDDEN. */
  public CommandEndpoint on(String action, Predicate<Identity> allowed, Function<Request, Future<JsonObject>> run) {
    if (!schemas.knows(action)) {
      throw new IllegalStateException("no schema for " + address + " " + action);
    }
    actions.put(action, new Action(allowed, run));
    return this;
  }

  public String address() { return address; }

  public void handle(Message<Object> message) {
    Future<JsonObject> outcome;
    try {
      requireResolvedIdentity(message);
      outcome = dispatch(identityOf(message), message.body());
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    String action = actionOf(message.body());
    outcome.onSuccess(reply -> {
      Meters.command(address, action, "ok");
      message.reply(reply.put("ok", true));
    }).onFailure(e -> {
      Failure failure = Failure.of(e);
      Meters.command(address, action, failure.code().name());
      if (failure.code() == ErrorCode.INTERNAL) {
        LOG.error("{} command failed", address, e);
      }
      message.fail(failure.code().failureCode(), failure.toJson().encode());
    });
  }

  private Future<JsonObject> dispatch(Identity who, Object body) {
    if (!(body instanceof JsonObject command)) {
      throw new Failure(ErrorCode.BAD_REQUEST, "命令必须是 JSON 对象");
    }
    if (command.toBuffer().length() > maxBytes) {
      throw new Failure(ErrorCode.TOO_LARGE);
    }
    Object name = command.getValue("action");
    Action action = name instanceof String s ? actions.get(s) : null;
    if (action == null) {
      throw new Failure(ErrorCode.UNKNOWN_ACTION);
    }
    schemas.check((String) name, command);
    if (!action.allowed().test(who)) {
      throw new Failure(who.type() == Identity.Type.ANONYMOUS ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN);
    }
    return action.run().apply(new Request(who, command));
  }

  /** The action's name for the meters: only names this address knows, so a client cannot invent labels. */
  private String actionOf(Object body) {
    return body instanceof JsonObject command && command.getValue("action") instanceof String name
        && actions.containsKey(name) ? name : "unknown";
  }

  /** A token the bridge could not check (its database did not answer) is refused by that reason. */
  private static void requireResolvedIdentity(Message<Object> message) {
    String unresolved = message.headers().get(Identity.UNRESOLVED_HEADER);
    if (unresolved != null) {
      ErrorCode code = "DATABASE_UNAVAILABLE".equals(unresolved) ? ErrorCode.DATABASE_UNAVAILABLE : ErrorCode.INTERNAL;
      throw new Failure(code);
    }
  }

  /** Anyone may say hello: the answer tells a page who the server takes it for, and the server time. */
  public static Future<JsonObject> hello(Request request) {
    return Future.succeededFuture(new JsonObject().put("identity", request.who().toPublicJson())
        .put("serverTime", System.currentTimeMillis()));
  }

  public static boolean anyone(Identity who) {
    return true;
  }

  /** The identity the bridge hook (or a server-side sender) attached; anything else counts as anonymous. */
  public static Identity identityOf(Message<?> message) {
    String header = message.headers().get(Identity.HEADER);
    if (header == null) {
      return Identity.ANONYMOUS;
    }
    try {
      return Identity.fromJson(new JsonObject(header));
    } catch (RuntimeException e) {
      return Identity.ANONYMOUS;
    }
  }
}
