package org.shangliang.web;

/**
 * Where the web server listens and how it guards itself: the part of the node's settings
 * (docs/CONFIGURATION.md) that this package reads.
 *
 * @param publicUrl the address users reach, for the links and QR codes it hands out; null:
 *                  {@code http://localhost:<port>}
 */
public record WebSettings(String host, int port, String publicUrl, HttpLimits http, MetricsAccess metrics,
                          BridgeLimits bridgeLimits) {
}
