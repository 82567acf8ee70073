package org.shangliang.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.shangliang.admin.AdminConsole;
import org.shangliang.admin.CommunityConsole;
import org.shangliang.archive.ArchiveConsole;
import org.shangliang.auth.Devices;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.evaluation.EvaluationConsole;
import org.shangliang.followup.FollowUpConsole;
import org.shangliang.forum.ForumConsole;
import org.shangliang.member.MemberConsole;
import org.shangliang.minutes.MinutesConsole;
import org.shangliang.notice.NoticeConsole;
import org.shangliang.plan.PlanConsole;
import org.shangliang.qr.QrTokens;
import org.shangliang.round.RoundConsole;
import org.shangliang.store.Database;

import java.util.List;
import java.util.function.Supplier;

/**
 * The staff console's commands on this node: the table of its areas, each with its own address and
 * command table. Stateless between messages (everything is read from MongoDB), so any node can
 * answer any console.
 */
public final class ConsoleVerticle extends VerticleBase {
  private final Database db;
  private final Devices devices;
  private final QrTokens tokens;
  /** Where users reach this server, for the links the console hands out. */
  private final Supplier<String> publicUrl;

  public ConsoleVerticle(Database db, Devices devices, QrTokens tokens, Supplier<String> publicUrl) {
    this.db = db;
    this.devices = devices;
    this.tokens = tokens;
    this.publicUrl = publicUrl;
  }

  @Override
  public Future<?> start() {
    List<CommandEndpoint> areas = List.of(
        NoticeConsole.endpoint(vertx, db, devices, tokens),
        AdminConsole.endpoint(vertx, db),
        MemberConsole.endpoint(db),
        ArchiveConsole.endpoint(db),
        MinutesConsole.endpoint(db),
        FollowUpConsole.endpoint(db),
        EvaluationConsole.endpoint(db),
        PlanConsole.endpoint(vertx, db),
        RoundConsole.endpoint(vertx, db, tokens, publicUrl),
        CommunityConsole.endpoint(vertx, db, devices, tokens),
        ForumConsole.endpoint(vertx, db, tokens));
    return Future.all(areas.stream()
        .map(area -> vertx.eventBus().<Object>consumer(area.address(), area::handle).completion()).toList());
  }
}
