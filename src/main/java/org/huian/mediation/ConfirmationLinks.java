package org.huian.mediation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal confirmation links {@code /m/{token}}: 256 random bits, single use, with an expiry; the
 * database keeps only the SHA-256 of the token.
 */
@Component
public class ConfirmationLinks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MediationRepository repository;
  private final String baseUrl;

  ConfirmationLinks(MediationRepository repository, @Value("${huian.public-base-url:http://localhost:8080}") String baseUrl) {
    this.repository = repository;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  /** Issues a token and returns the link to send; the token itself is not stored. */
  public String issue(TokenPurpose purpose, long agreementId, Long itemId, long partyId, Instant expiresAt) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    repository.insertToken(hash(token), purpose, agreementId, itemId, partyId, expiresAt);
    return baseUrl + "/m/" + token;
  }

  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
