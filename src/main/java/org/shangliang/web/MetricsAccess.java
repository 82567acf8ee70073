package org.shangliang.web;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may read /metrics: callers from these addresses, or a scraper sending this bearer token
 * (none: addresses only). By default only this machine.
 */
public record MetricsAccess(Set<String> allowedAddresses, String token) {
  public static final String DEFAULT_ALLOW = "127.0.0.1,0:0:0:0:0:0:0:1";
  public static final MetricsAccess DEFAULTS = of(DEFAULT_ALLOW, null);

  /** From the settings: a comma-separated list of addresses, and the token (blank: none). */
  public static MetricsAccess of(String allow, String token) {
    Set<String> addresses = Arrays.stream(allow == null ? new String[0] : allow.split(","))
        .map(String::strip).filter(a -> !a.isEmpty()).map(a -> "::1".equals(a) ? "0:0:0:0:0:0:0:1" : a)
        .collect(Collectors.toUnmodifiableSet());
    return new MetricsAccess(addresses, token == null || token.isBlank() ? null : token);
  }
}
