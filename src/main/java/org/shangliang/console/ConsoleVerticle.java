package org.shangliang.console;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.shangliang.admin.AdminConsole;
import org.shangliang.archive.ArchiveConsole;
import org.shangliang.auth.Devices;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.member.MemberConsole;
import org.shangliang.community.CommunityConsole;
import org.shangliang.notice.NoticeConsole;
import org.shangliang.plan.PlanConsole;
import org.shangliang.qr.QrTokens;
import org.shangliang.store.Database;

import java.util.List;

/**
 * The staff console's commands on this node: the table of its areas, each with its own address and
 * command table. Stateless between messages (everything is read from MongoDB), so any node can
 * answer any console.
 */
public final class ConsoleVerticle extends VerticleBase {
  private final Database db;
  private final Devices devices;
  private final QrTokens tokens;

  public ConsoleVerticle(Database db, Devices devices, QrTokens tokens) {
    this.db = db;
    this.devices = devices;
    this.tokens = tokens;
  }

  @Override
  public Future<?> start() {
    List<CommandEndpoint> areas = List.of(
        NoticeConsole.endpoint(vertx, db, devices, tokens),
        AdminConsole.endpoint(vertx, db),
        MemberConsole.endpoint(db),
        ArchiveConsole.endpoint(db),
        PlanConsole.endpoint(vertx, db),
        CommunityConsole.endpoint(vertx, db, devices, tokens));
    return Future.all(areas.stream()
        .map(area -> vertx.eventBus().<Object>consumer(area.address(), area::handle).completion()).toList());
  }
}
