package org.huian.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FieldTokensTest {

  static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
  final FieldTokens tokens = new FieldTokens("test-secret", Duration.ofHours(12));

  @Test
  void shouldNameTheUserUntilTheTokenExpires() {
    FieldTokens.Issued issued = tokens.issue("grid-110101004001-01", NOW);
    assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
    assertThat(tokens.verify(issued.token(), NOW.plusSeconds(60))).hasValue("grid-110101004001-01");
    assertThat(tokens.verify(issued.token(), NOW.plus(Duration.ofHours(12)).minusSeconds(1))).isPresent();
    assertThat(tokens.verify(issued.token(), NOW.plus(Duration.ofHours(12)))).as("expired").isEmpty();
  }

  @Test
  void shouldRefuseATokenWhoseUserExpiryOrSignatureWasChanged() {
    String token = tokens.issue("grid-110101004001-01", NOW).token();
    String[] parts = token.split("\\.");
    String otherUser = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("district".getBytes());
    assertThat(tokens.verify(otherUser + "." + parts[1] + "." + parts[2], NOW)).isEmpty();
    assertThat(tokens.verify(parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2], NOW)).isEmpty();
    assertThat(tokens.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A", NOW)).isEmpty();
    assertThat(new FieldTokens("another-secret", Duration.ofHours(12)).verify(token, NOW)).as("another key").isEmpty();
  }

  @Test
  void shouldRefuseGarbageWithoutThrowing() {
    for (String bad : new String[] {null, "", ".", "..", "a.b.c", "a.1.%%%", "x".repeat(600), "YQ.notanumber.AAAA"}) {
      assertThat(tokens.verify(bad, NOW)).as(String.valueOf(bad)).isEmpty();
    }
  }

  @Test
  void shouldDrawARandomKeyWhenNoneIsConfigured() {
    FieldTokens a = new FieldTokens("", Duration.ofHours(1));
    FieldTokens b = new FieldTokens(null, Duration.ofHours(1));
    String token = a.issue("u", NOW).token();
    assertThat(a.verify(token, NOW)).hasValue("u");
    assertThat(b.verify(token, NOW)).isEmpty();
  }
}
