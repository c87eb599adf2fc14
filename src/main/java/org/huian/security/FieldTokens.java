package org.huian.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Short-lived signed tokens for the grid workers' app ({@code /m/}): the app sends the user's
 * password once, to {@code POST /api/field/token}, and keeps only the token, which {@code /api}
 * accepts as {@code Authorization: Bearer <token>}. A token is {@code <user>.<expiry>.<signature>}
 * (base64url), signed with HMAC-SHA-256; it names the user only, so groups and scope are read
 * afresh on every request. Without a configured secret each start draws a random one, and tokens
 * then end with the process: set {@code huian.field.token-secret} when several nodes serve the app.
 */
@Component
public class FieldTokens {

  private static final Logger log = LoggerFactory.getLogger(FieldTokens.class);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  public record Issued(String token, Instant expiresAt) {}

  private final byte[] secret;
  private final Duration validity;

  FieldTokens(@Value("${huian.field.token-secret:}") String secret,
      @Value("${huian.field.token-validity:PT12H}") Duration validity) {
    if (secret == null || secret.isBlank()) {
      this.secret = new byte[32];
      new SecureRandom().nextBytes(this.secret);
      log.info("huian.field.token-secret is not set: app tokens are signed with a random key and end with this process");
    } else {
      this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }
    this.validity = validity;
  }

  public Duration validity() {
    return validity;
  }

  public Issued issue(String userId, Instant now) {
    Instant expires = now.plus(validity);
    String payload = B64.encodeToString(userId.getBytes(StandardCharsets.UTF_8)) + "." + expires.getEpochSecond();
    return new Issued(payload + "." + B64.encodeToString(sign(payload)), expires);
  }

  /** The user a token names, when its signature is right and it has not expired. */
  public Optional<String> verify(String token, Instant now) {
    if (token == null || token.length() > 512) {
      return Optional.empty();
    }
    int last = token.lastIndexOf('.');
    int first = token.indexOf('.');
    if (first <= 0 || last <= first) {
      return Optional.empty();
    }
    String payload = token.substring(0, last);
    try {
      byte[] given = B64D.decode(token.substring(last + 1));
      if (!MessageDigest.isEqual(given, sign(payload))) {
        return Optional.empty();
      }
      long expires = Long.parseLong(token.substring(first + 1, last));
      if (now.getEpochSecond() >= expires) {
        return Optional.empty();
      }
      return Optional.of(new String(B64D.decode(token.substring(0, first)), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) { // bad base64 or number
      return Optional.empty();
    }
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
