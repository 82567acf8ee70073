package org.shangliang.room;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;

import java.util.function.Function;

/**
 * The room's command address ({@value RoomAddresses#COMMANDS}): the shared checks of
 * {@link CommandEndpoint}, then the room's own rule of who may act in which room.
 */
public final class RoomCommands {
  static final int MAX_BYTES = 4096;

  /** Who may send an action. */
  enum Access { ANYONE, MEMBER, KIOSK, HOST }

  private final CommandEndpoint endpoint = new CommandEndpoint(RoomAddresses.COMMANDS, MAX_BYTES,
      Schemas.load("schemas/room-commands.json", "action"));

  public RoomCommands(AttendeeActions attendees, HostActions hosts, PhoneJoins phones, Snapshots snapshots) {
    endpoint.on("hello", CommandEndpoint::anyone, CommandEndpoint::hello);
    room("snapshot", Access.MEMBER, c -> snapshots.forCaller(c.roomId(), c.who()));
    room("checkIn", Access.KIOSK, attendees::checkIn);
    room("registerWalkIn", Access.KIOSK, attendees::registerWalkIn);
    room("checkOut", Access.KIOSK, attendees::checkOut);
    room("raiseHand", Access.KIOSK, attendees::raiseHand);
    room("withdrawHand", Access.KIOSK, attendees::withdrawHand);
    room("castBallot", Access.KIOSK, attendees::castBallot);
    room("answerSurvey", Access.KIOSK, attendees::answerSurvey);
    room("openMeeting", Access.HOST, hosts::openMeeting);
    room("closeMeeting", Access.HOST, hosts::closeMeeting);
    room("openSurvey", Access.HOST, hosts::openSurvey);
    room("setQuorum", Access.HOST, hosts::setQuorum);
    room("gotoMatter", Access.HOST, hosts::gotoMatter);
    room("giveFloor", Access.HOST, hosts::giveFloor);
    room("pauseSpeech", Access.HOST, hosts::pauseSpeech);
    room("resumeSpeech", Access.HOST, hosts::resumeSpeech);
    room("extendSpeech", Access.HOST, hosts::extendSpeech);
    room("endSpeech", Access.HOST, hosts::endSpeech);
    room("summarise", Access.HOST, hosts::summarise);
    room("openVote", Access.HOST, hosts::openVote);
    room("closeVote", Access.HOST, hosts::closeVote);
    room("announceResult", Access.HOST, hosts::announceResult);
    room("rollCall", Access.HOST, hosts::rollCall);
    room("confirmPhone", Access.HOST, phones::confirm);
    room("rejectPhone", Access.HOST, phones::reject);
  }

  public CommandEndpoint endpoint() {
    return endpoint;
  }

  private void room(String action, Access access, Function<Command, Future<JsonObject>> run) {
    endpoint.on(action, CommandEndpoint::anyone, request -> {
      String roomId = request.body().getString("roomId", request.who().roomId());
      authorise(access, request.who(), roomId);
      return run.apply(new Command(request.who(), roomId, request.body()));
    });
  }

  private static void authorise(Access access, Identity who, String roomId) {
    if (who.type() == Identity.Type.ANONYMOUS) {
      throw new Failure(ErrorCode.UNAUTHENTICATED);
    }
    if (roomId == null) {
      throw new Failure(ErrorCode.BAD_REQUEST, "缺少 roomId");
    }
    boolean allowed = who.belongsTo(roomId) && switch (access) {
      case MEMBER, ANYONE -> true;
      case KIOSK -> who.role() == Identity.Role.KIOSK;
      case HOST -> who.isHost();
    };
    if (!allowed) {
      throw new Failure(ErrorCode.FORBIDDEN);
    }
  }
}
