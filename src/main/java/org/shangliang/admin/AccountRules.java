package org.shangliang.admin;

import io.vertx.core.json.JsonObject;
import org.shangliang.common.ErrorCode;
import org.shangliang.common.Failure;
import org.shangliang.common.Identity;
import org.shangliang.common.Identity.Role;
import org.shangliang.common.Secrets;
import org.shangliang.community.Grids;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What administrators may do to accounts, in one place: which grids a role has, which changes an
 * administrator may not make to their own account, that an administrator who can sign in always
 * remains, and what a temporary password looks like.
 */
public final class AccountRules {
  /** No 0/O, 1/l/i: a temporary password is read aloud or copied from a screen. */
  private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

  private AccountRules() {
  }

  /** The role an API name stands for ({@code "grid_worker"} → GRID_WORKER); the schema lets only account roles through. */
  public static Role role(String apiName) {
    Role role = Role.parse(apiName.toUpperCase(Locale.ROOT));
    if (!role.isAccountRole()) {
      throw new Failure(ErrorCode.BAD_REQUEST, "没有这个角色");
    }
    return role;
  }

  /** The name the API uses for a role: {@code grid_worker}. */
  public static String apiName(Role role) {
    return role.name().toLowerCase(Locale.ROOT);
  }

  /** A grid worker works in at least one grid, each of which exists; nobody else is given grids. */
  public static void checkGrids(Role role, List<String> gridIds, Collection<String> existing) {
    if (role != Role.GRID_WORKER) {
      if (!gridIds.isEmpty()) {
        throw new Failure(ErrorCode.BAD_REQUEST, "只有网格员负责网格");
      }
      return;
    }
    if (gridIds.isEmpty()) {
      throw new Failure(ErrorCode.GRID_REQUIRED);
    }
    if (!existing.containsAll(gridIds)) {
      throw new Failure(ErrorCode.NOT_FOUND, Grids.MISSING);
    }
  }

  /**
   * An administrator does not disable, re-role or reset their own account: a slip would lock them
   * out of the console they are using.
   */
  public static void notOwn(Identity who, String username) {
    if (username.equals(who.id())) {
      throw new Failure(ErrorCode.OWN_ACCOUNT);
    }
  }

  /** Whether the account is an administrator who can sign in outside the demo: enabled and not a demo account. */
  public static boolean signsInAsAdministrator(JsonObject account) {
    return Role.ADMIN.name().equals(account.getString("role")) && !account.getBoolean("disabled", false)
        && !account.getBoolean("demo", false);
  }

  /**
   * Refuses a change that would leave no administrator able to sign in: {@code others} are the
   * enabled administrators besides the account losing that standing. Demo accounts do not count,
   * since they sign in only under {@code --demo}.
   */
  public static void keepAnAdministrator(List<JsonObject> others) {
    if (others.stream().noneMatch(AccountRules::signsInAsAdministrator)) {
      throw new Failure(ErrorCode.LAST_ADMINISTRATOR);
    }
  }

  /** Twelve characters from 31 (about 59 bits), shown as {@code xxxx-xxxx-xxxx}, used once. */
  public static String temporaryPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        password.append('-');
      }
      password.append(ALPHABET.charAt(Secrets.randomBelow(ALPHABET.length())));
    }
    return password.toString();
  }
}
