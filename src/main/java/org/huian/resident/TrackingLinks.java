package org.huian.resident;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Private tracking links {@code /track/{token}}: 256 bits from {@link SecureRandom}, base64url
 * (43 characters). The token is the resident's only credential and is never stored; the table
 * keeps its SHA-256, so a database dump gives no working link.
 */
@Component
class TrackingLinks {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** What a token can look like; anything else is unknown without a database look-up. */
  private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

  private final JdbcClient jdbc;
  private final String baseUrl;

  TrackingLinks(JdbcClient jdbc, @Value("${huian.public-base-url:http://localhost:8080}") String baseUrl) {
    this.jdbc = jdbc;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  /** Issues a token for the case and returns it; only its hash is stored. */
  String issue(String caseNo, Instant now) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("INSERT INTO resident_tracking (token_hash, case_no, created_at) VALUES (?, ?, ?)")
        .params(hash(token), caseNo, now.atOffset(ZoneOffset.UTC)).update();
    return token;
  }

  String url(String token) {
    return baseUrl + "/track/" + token;
  }

  /** The case behind a token; empty for an unknown or malformed one alike. */
  Optional<String> caseOf(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT case_no FROM resident_tracking WHERE token_hash = ?").param(hash(token))
        .query(String.class).optional();
  }

  static String hash(String token) {
    return org.huian.mediation.ConfirmationLinks.hash(token); // the same SHA-256 as the mediation links
  }
}
