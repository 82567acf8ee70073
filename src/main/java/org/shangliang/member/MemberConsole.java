package org.shangliang.member;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.types.ObjectId;
import org.shangliang.common.AuditLog;
import org.shangliang.common.CommandEndpoint;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ConsoleAddresses;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Schemas;
import org.shangliang.community.Grids;
import org.shangliang.store.Database;

import java.util.List;

/**
 * The register of members (议事主体) on {@value ConsoleAddresses#MEMBERS}: list, read, register,
 * change, and deactivate the people who take part in meetings. Members are never deleted, since
 * meetings refer to them; leaving is deactivation. Reading is for console accounts, changing for
 * editors, each within {@link MemberScope}; every change is audited and durable before the reply.
 */
public final class MemberConsole {
  static final int MAX_COMMAND_BYTES = 4096;
  /** A list answers at most this many members (and says it was cut); the filters narrow it. */
  public static final int MAX_LIST = 500;
  static final String AREA = "member";

  private final Database db;
  private final MemberStore store;
  private final Grids grids;
  private final AuditLog audit;

  MemberConsole(Database db) {
    this.db = db;
    this.store = new MemberStore(db.mongo());
    this.grids = new Grids(db.mongo());
    this.audit = new AuditLog(db.mongo());
  }

  /** The area's command table. */
  public static CommandEndpoint endpoint(Database db) {
    MemberConsole console = new MemberConsole(db);
    return new CommandEndpoint(ConsoleAddresses.MEMBERS, MAX_COMMAND_BYTES,
        Schemas.load("schemas/member-commands.json", "action"))
        .on("listMembers", Identity::isStaff, console::list)
        .on("getMember", Identity::isStaff, console::get)
        .on("saveMember", Identity::isEditor, console::save)
        .on("setMemberActive", Identity::isEditor, console::setActive);
  }

  private Future<JsonObject> list(Request r) {
    JsonObject b = r.body();
    JsonObject query = MemberScope.query(r.who(), b.getString("gridId"), b.getString("kind"), b.getString("text"),
        b.getBoolean("includeInactive", false));
    return store.find(query, MAX_LIST + 1).map(found -> {
      JsonArray members = new JsonArray();
      found.stream().limit(MAX_LIST).forEach(m -> members.add(MemberScope.view(m, r.who())));
      return new JsonObject().put("members", members).put("truncated", found.size() > MAX_LIST)
          .put("personal", MemberScope.seesPersonal(r.who())).put("editable", r.who().isEditor());
    });
  }

  private Future<JsonObject> get(Request r) {
    return store.member(r.body().getString("id"))
        .map(doc -> reply(MemberScope.visible(doc, r.who()), r.who()));
  }

  private Future<JsonObject> save(Request r) {
    JsonObject fields = MemberFields.of(r.body());
    MemberScope.requireGrid(r.who(), fields.getString("gridId"));
    String id = r.body().getString("id");
    Future<Void> gridExists = fields.containsKey("gridId")
        ? grids.grid(fields.getString("gridId")).mapEmpty() : Future.succeededFuture();
    Future<JsonObject> before = id == null ? Future.succeededFuture()
        : store.member(id).map(doc -> MemberScope.visible(doc, r.who()));
    return Future.all(gridExists, before).compose(v -> requireNoTwin(fields, id)).compose(v -> {
      long now = System.currentTimeMillis();
      JsonObject old = before.result();
      JsonObject doc = old == null
          ? MemberFields.apply(new JsonObject().put("_id", new ObjectId().toHexString()).put("active", true)
              .put("createdAt", now), fields, now)
          : MemberFields.apply(old.copy(), fields, now);
      return (old == null ? store.insert(doc) : store.replace(doc))
          .compose(w -> settle(r.who(), "saveMember", auditParams(doc).put("created", old == null), doc));
    });
  }

  private Future<JsonObject> setActive(Request r) {
    boolean active = r.body().getBoolean("active");
    return store.member(r.body().getString("id")).compose(found -> {
      JsonObject doc = MemberScope.visible(found, r.who()).copy().put("active", active)
          .put("updatedAt", System.currentTimeMillis());
      return store.replace(doc).compose(w -> settle(r.who(), "setMemberActive",
          new JsonObject().put("id", doc.getString("_id")).put("name", doc.getString("name")).put("active", active), doc));
    });
  }

  /** Two records of one person (same name, same phone) would split their history. */
  private Future<Void> requireNoTwin(JsonObject fields, String id) {
    if (!fields.containsKey("phone")) {
      return Future.succeededFuture();
    }
    return store.samePerson(fields.getString("name"), fields.getString("phone"), id).compose(twin -> twin == null
        ? Future.succeededFuture() : Future.failedFuture(new Failure(ErrorCode.MEMBER_DUPLICATE)));
  }

  private Future<JsonObject> settle(Identity who, String action, JsonObject params, JsonObject doc) {
    return audit.record(who, AREA, action, params).compose(v -> db.durable()).map(v -> reply(doc, who));
  }

  private static JsonObject reply(JsonObject doc, Identity who) {
    return new JsonObject().put("member", MemberScope.view(doc, who));
  }

  /** What the audit keeps of a member: never the phone or the note. */
  static JsonObject auditParams(JsonObject doc) {
    return new JsonObject().put("id", doc.getString("_id")).put("name", doc.getString("name"))
        .put("kinds", doc.getJsonArray("kinds")).put("gridId", doc.getString("gridId"));
  }

  static List<String> kindsOf(JsonObject doc) {
    return doc.getJsonArray("kinds", new JsonArray()).stream().map(String::valueOf).toList();
  }
}
