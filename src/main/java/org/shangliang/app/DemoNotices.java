package org.shangliang.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import org.shangliang.community.Grids;
import org.shangliang.notice.NoticeKind;
import org.shangliang.notice.store.NoticeState;
import org.shangliang.notice.store.NoticeStore;

import java.util.ArrayList;
import java.util.List;

/** The demo's grids and two published notices, so the notice boards show something at once. */
final class DemoNotices {
  static final String WELCOME = "000000000000000000003001";
  static final String TOPIC = "000000000000000000003002";
  private static final long DAY_MS = 24 * 3600_000L;

  private DemoNotices() {
  }

  static Future<Void> seed(MongoClient mongo, String[] gridIds, String[] gridNames) {
    return mongo.findOne(Grids.COLLECTION, new JsonObject().put("_id", gridIds[0]), null).compose(found -> {
      if (found != null) {
        return Future.succeededFuture();
      }
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < gridIds.length; i++) {
        writes.add(mongo.insert(Grids.COLLECTION, new JsonObject().put("_id", gridIds[i]).put("name", gridNames[i])));
      }
      long now = System.currentTimeMillis();
      writes.add(mongo.insert(NoticeStore.NOTICES, notice(WELCOME, NoticeKind.PUBLICITY, "有事好商量 · 红色邻里议事会",
          "社区的事，大家商量着办。\n\n议事会每月第一个周六上午九点在社区议事室召开，欢迎居民旁听。\n\n"
              + "- 有事请到议事室触摸屏“我要反映”\n- 或扫码提建议",
          new JsonObject().put("everywhere", true).put("grids", new JsonArray()).put("displays", new JsonArray()),
          now - DAY_MS, now + 30 * DAY_MS, 0)));
      writes.add(mongo.insert(NoticeStore.NOTICES, notice(TOPIC, NoticeKind.TOPIC, "议题预告：老旧小区加装电梯费用分摊",
          "下次议事会将商议**加装电梯费用分摊方案**。\n\n请第一网格的居民提前扫码发表意见。",
          new JsonObject().put("everywhere", false).put("grids", new JsonArray().add(gridIds[0])).put("displays", new JsonArray()),
          now - DAY_MS, now + 14 * DAY_MS, 1)));
      return Future.all(writes).mapEmpty();
    });
  }

  private static JsonObject notice(String id, NoticeKind kind, String title, String body, JsonObject targets,
                                   long startsAt, long endsAt, int priority) {
    return new JsonObject().put("_id", id).put("kind", kind.name()).put("title", title).put("body", body)
        .put("imageId", (Object) null).put("targets", targets).put("startsAt", startsAt).put("endsAt", endsAt)
        .put("priority", priority).put("urgent", false).put("state", NoticeState.PUBLISHED.name())
        .put("version", 1L).put("updatedAt", startsAt).put("publishedAt", startsAt).put("source", (Object) null)
        .put("history", new JsonArray().add(new JsonObject().put("at", startsAt)
            .put("by", new JsonObject().put("id", "demo").put("name", "社区工作人员")).put("action", "published")
            .put("reason", (Object) null)));
  }
}
