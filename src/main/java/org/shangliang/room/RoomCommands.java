package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.shangliang.auth.Identity;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Schemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Function;

import static java.util.Map.entry;

/**
 * The single entry of every room command (address {@value RoomAddresses#COMMANDS}): checks size and
 * schema, establishes who may do it, runs it, and maps any refusal to a named failure reply.
 */
public final class RoomCommands {
  private static final Logger LOG = LoggerFactory.getLogger(RoomCommands.class);
  static final int MAX_BYTES = 4096;

  /** Who may send an action. */
  enum Access { ANYONE, MEMBER, KIOSK, HOST }

  private record Action(Access access, Function<Command, Future<JsonObject>> run) {
  }

  private final Schemas schemas = Schemas.load("schemas/room-commands.json", "action");
  private final Map<String, Action> actions;

  public RoomCommands(AttendeeActions attendees, HostActions hosts, Snapshots snapshots) {
    actions = Map.ofEntries(
        entry("hello", new Action(Access.ANYONE, RoomCommands::hello)),
        entry("snapshot", new Action(Access.MEMBER, c -> snapshots.of(c.roomId()))),
        entry("checkIn", new Action(Access.KIOSK, attendees::checkIn)),
        entry("registerWalkIn", new Action(Access.KIOSK, attendees::registerWalkIn)),
        entry("checkOut", new Action(Access.KIOSK, attendees::checkOut)),
        entry("raiseHand", new Action(Access.KIOSK, attendees::raiseHand)),
        entry("withdrawHand", new Action(Access.KIOSK, attendees::withdrawHand)),
        entry("castBallot", new Action(Access.KIOSK, attendees::castBallot)),
        entry("openMeeting", new Action(Access.HOST, hosts::openMeeting)),
        entry("closeMeeting", new Action(Access.HOST, hosts::closeMeeting)),
        entry("gotoMatter", new Action(Access.HOST, hosts::gotoMatter)),
        entry("giveFloor", new Action(Access.HOST, hosts::giveFloor)),
        entry("pauseSpeech", new Action(Access.HOST, hosts::pauseSpeech)),
        entry("resumeSpeech", new Action(Access.HOST, hosts::resumeSpeech)),
        entry("extendSpeech", new Action(Access.HOST, hosts::extendSpeech)),
        entry("endSpeech", new Action(Access.HOST, hosts::endSpeech)),
        entry("openVote", new Action(Access.HOST, hosts::openVote)),
        entry("closeVote", new Action(Access.HOST, hosts::closeVote)),
        entry("announceResult", new Action(Access.HOST, hosts::announceResult)));
  }

  public void handle(Message<Object> message) {
    Future<JsonObject> outcome;
    try {
      outcome = dispatch(identityOf(message), message.body());
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    outcome.onSuccess(reply -> message.reply(reply.put("ok", true))).onFailure(e -> {
      Failure failure = Failure.of(e);
      if (failure.code() == ErrorCode.INTERNAL) {
        LOG.error("room command failed", e);
      }
      message.fail(failure.code().failureCode(), failure.toJson().encode());
    });
  }

  private Future<JsonObject> dispatch(Identity who, Object body) {
    if (!(body instanceof JsonObject command)) {
      throw new Failure(ErrorCode.BAD_REQUEST, "命令必须是 JSON 对象");
    }
    if (command.toBuffer().length() > MAX_BYTES) {
      throw new Failure(ErrorCode.TOO_LARGE);
    }
    Object name = command.getValue("action");
    Action action = name instanceof String s ? actions.get(s) : null;
    if (action == null) {
      throw new Failure(ErrorCode.UNKNOWN_ACTION);
    }
    schemas.check((String) name, command);
    String roomId = command.getString("roomId", who.roomId());
    authorise(action.access(), who, roomId);
    return action.run().apply(new Command(who, roomId, command));
  }

  private static void authorise(Access access, Identity who, String roomId) {
    if (access == Access.ANYONE) {
      return;
    }
    if (who.type() == Identity.Type.ANONYMOUS) {
      throw new Failure(ErrorCode.UNAUTHENTICATED);
    }
    if (roomId == null) {
      throw new Failure(ErrorCode.BAD_REQUEST, "缺少 roomId");
    }
    boolean allowed = who.belongsTo(roomId) && switch (access) {
      case MEMBER -> true;
      case KIOSK -> who.role() == Identity.Role.KIOSK;
      case HOST -> who.isHost();
      case ANYONE -> true;
    };
    if (!allowed) {
      throw new Failure(ErrorCode.FORBIDDEN);
    }
  }

  private static Future<JsonObject> hello(Command command) {
    return Future.succeededFuture(new JsonObject().put("identity", command.who().toPublicJson())
        .put("serverTime", System.currentTimeMillis()));
  }

  /** The identity the bridge hook (or a server-side sender) attached; anything else counts as anonymous. */
  static Identity identityOf(Message<?> message) {
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
