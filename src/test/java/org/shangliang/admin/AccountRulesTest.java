package org.shangliang.admin;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Identity.Role;
import org.shangliang.common.SpreadsheetText;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of account administration alone, without a server. */
class AccountRulesTest {
  static final String GRID = "000000000000000000001001";

  static ErrorCode refusal(Runnable rule) {
    return assertThrows(Failure.class, rule::run).code();
  }

  static JsonObject admin(String id, boolean disabled, boolean demo) {
    return new JsonObject().put("_id", id).put("role", "ADMIN").put("disabled", disabled).put("demo", demo);
  }

  @Test
  @DisplayName("a grid worker works in one existing grid at least; other roles are given none")
  void grids() {
    assertEquals(ErrorCode.GRID_REQUIRED, refusal(() -> AccountRules.checkGrids(Role.GRID_WORKER, List.of(), List.of(GRID))));
    assertEquals(ErrorCode.NOT_FOUND, refusal(() -> AccountRules.checkGrids(Role.GRID_WORKER, List.of("x"), List.of(GRID))));
    assertEquals(ErrorCode.BAD_REQUEST, refusal(() -> AccountRules.checkGrids(Role.STAFF, List.of(GRID), List.of(GRID))));
    assertDoesNotThrow(() -> AccountRules.checkGrids(Role.GRID_WORKER, List.of(GRID), List.of(GRID)));
    assertDoesNotThrow(() -> AccountRules.checkGrids(Role.VIEWER, List.of(), List.of()));
  }

  @Test
  @DisplayName("another enabled administrator outside the demo must remain; disabled and demo administrators do not count")
  void lastAdministrator() {
    assertEquals(ErrorCode.LAST_ADMINISTRATOR, refusal(() -> AccountRules.keepAnAdministrator(List.of())));
    assertEquals(ErrorCode.LAST_ADMINISTRATOR, refusal(() -> AccountRules.keepAnAdministrator(
        List.of(admin("a", true, false), admin("b", false, true)))));
    assertDoesNotThrow(() -> AccountRules.keepAnAdministrator(List.of(admin("a", true, false), admin("c", false, false))));
  }

  @Test
  @DisplayName("an administrator's own account is out of reach of disabling, re-roling and resets")
  void ownAccount() {
    Identity me = Identity.account("wang", Role.ADMIN, "王");
    assertEquals(ErrorCode.OWN_ACCOUNT, refusal(() -> AccountRules.notOwn(me, "wang")));
    assertDoesNotThrow(() -> AccountRules.notOwn(me, "li"));
  }

  @Test
  @DisplayName("temporary passwords read easily and do not repeat; roles go by their API names, and only account roles")
  void passwordsAndRoles() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String password = AccountRules.temporaryPassword();
      assertTrue(password.matches("[2-9a-hj-km-np-z]{4}-[2-9a-hj-km-np-z]{4}-[2-9a-hj-km-np-z]{4}"), password);
      assertTrue(seen.add(password));
    }
    assertEquals(Role.GRID_WORKER, AccountRules.role("grid_worker"));
    assertEquals("grid_worker", AccountRules.apiName(Role.GRID_WORKER));
    assertEquals(ErrorCode.BAD_REQUEST, refusal(() -> AccountRules.role("kiosk")));
  }

  @Test
  @DisplayName("a CSV cell that a spreadsheet would run as a formula is kept as text")
  void formulaCells() {
    assertEquals("'=1+2", SpreadsheetText.inert("=1+2"));
    assertEquals("'@SUM(A1)", SpreadsheetText.inert("@SUM(A1)"));
    assertEquals("王\"小,明\"", SpreadsheetText.inert("王\"小,明\""));
  }
}
