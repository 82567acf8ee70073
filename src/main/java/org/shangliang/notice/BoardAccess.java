package org.shangliang.notice;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.shangliang.common.CommandEndpoint.Request;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.feedback.FeedbackStore;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.shangliang.notice.store.NoticeStore;

/**
 * Which boards a console account may act on. A grid worker writes, publishes and retracts notices
 * only for the boards of their own grids, and pairs and moves only those boards; everything
 * community-wide (notices for every board, results, the topic list) is for the other editors.
 * Checked on the server for every command that changes a board or a notice, and for those that read
 * what residents said about a notice or where it was shown.
 */
final class BoardAccess {
  private final NoticeStore store;

  BoardAccess(NoticeStore store) {
    this.store = store;
  }

  /** Editors who act for the whole community: not a grid worker, not a viewer. */
  static boolean communityEditor(Identity who) {
    return who.isEditor() && !who.isGridScoped();
  }

  /** A notice saved by a grid worker targets their grids' boards only, and so did the version it replaces. */
  Function<Request, Future<JsonObject>> savingOwnNotice(Function<Request, Future<JsonObject>> save) {
    return r -> !r.who().isGridScoped() ? save.apply(r)
        : withinGrids(r.who(), Targets.fromJson(r.body().getJsonObject("targets")))
            .compose(v -> r.body().getString("id") == null ? Future.succeededFuture()
                : store.notice(r.body().getString("id")).compose(before -> withinGrids(r.who(), targetsOf(before))))
            .compose(v -> save.apply(r));
  }

  /** Publishing or retracting a notice ({@code id}): a grid worker's only if it targets their grids alone. */
  Function<Request, Future<JsonObject>> ownNotice(Function<Request, Future<JsonObject>> action) {
    return r -> !r.who().isGridScoped() ? action.apply(r)
        : store.notice(r.body().getString("id")).compose(notice -> withinGrids(r.who(), targetsOf(notice)))
            .compose(v -> action.apply(r));
  }

  /**
   * Reading a notice's feedback or postings ({@code noticeId}): a grid worker's only if the notice
   * is for their grids or one of their boards (every board counts); what they then read is narrowed
   * to their boards by the action.
   */
  Function<Request, Future<JsonObject>> readingNotice(Function<Request, Future<JsonObject>> read) {
    return r -> !r.who().isGridScoped() ? read.apply(r)
        : Future.all(store.notice(r.body().getString("noticeId")), store.signageDisplays())
            .compose(all -> reaches(r.who(), targetsOf(all.resultAt(0)), all.resultAt(1))
                ? read.apply(r) : Future.failedFuture(notYourGrid()));
  }

  /** Marking feedback ({@code id}) handled: a grid worker's only if the board it came from stands in their grids. */
  Function<Request, Future<JsonObject>> ownFeedback(FeedbackStore feedback, Function<Request, Future<JsonObject>> action) {
    return r -> !r.who().isGridScoped() ? action.apply(r)
        : feedback.entry(r.body().getString("id")).compose(entry -> store.signageDisplay(entry.getString("displayId"))
                .recover(e -> Future.succeededFuture(new JsonObject())))
            .compose(board -> r.who().covers(board.getString("gridId")) ? action.apply(r) : Future.failedFuture(notYourGrid()));
  }

  /** Pairing a board into a grid ({@code gridId}) the caller covers. */
  Function<Request, Future<JsonObject>> intoOwnGrid(Function<Request, Future<JsonObject>> action) {
    return r -> r.who().covers(r.body().getString("gridId")) ? action.apply(r) : Future.failedFuture(notYourGrid());
  }

  /** Changing a board ({@code id}) that stands in one of the caller's grids, and keeps it in one. */
  Function<Request, Future<JsonObject>> ownBoard(Function<Request, Future<JsonObject>> action) {
    return r -> !r.who().isGridScoped() ? action.apply(r)
        : store.signageDisplay(r.body().getString("id")).compose(board -> r.who().covers(board.getString("gridId"))
            && r.who().covers(r.body().getString("gridId")) ? action.apply(r) : Future.failedFuture(notYourGrid()));
  }

  /** The boards a caller sees in the overview: a grid worker, those of their grids. */
  static JsonArray visibleBoards(Identity who, JsonArray boards) {
    return new JsonArray(boards.stream().filter(b -> who.covers(((JsonObject) b).getString("gridId"))).toList());
  }

  private static boolean reaches(Identity who, Targets targets, List<JsonObject> boards) {
    return targets.everywhere() || targets.grids().stream().anyMatch(who::covers)
        || boards.stream().anyMatch(b -> who.covers(b.getString("gridId")) && targets.displays().contains(b.getString("_id")));
  }

  private Future<Void> withinGrids(Identity who, Targets targets) {
    if (targets.everywhere() || !targets.grids().stream().allMatch(who::covers)) {
      return Future.failedFuture(notYourGrid());
    }
    if (targets.displays().isEmpty()) {
      return Future.succeededFuture();
    }
    return store.signageDisplays().compose(boards -> {
      Map<String, String> gridOfBoard = new java.util.HashMap<>();
      boards.forEach(b -> gridOfBoard.put(b.getString("_id"), b.getString("gridId")));
      return targets.displays().stream().allMatch(id -> who.covers(gridOfBoard.get(id)))
          ? Future.succeededFuture() : Future.failedFuture(notYourGrid());
    });
  }

  private static Targets targetsOf(JsonObject notice) {
    return Targets.fromJson(notice.getJsonObject("targets"));
  }

  private static Failure notYourGrid() {
    return new Failure(ErrorCode.FORBIDDEN, "只能为您负责网格的公示栏操作");
  }
}
