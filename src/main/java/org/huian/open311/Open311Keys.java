package org.huian.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.huian.config.TextRules;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API keys of Open311 clients: one per client system and district, issued by an
 * administrator, shown once, stored only as its SHA-256 (a key has 256 random bits, so a plain
 * hash cannot be guessed back), revocable. Each carries its own rate limit.
 */
@Service
public class Open311Keys {

  private static final Logger log = LoggerFactory.getLogger(Open311Keys.class);
  static final String PREFIX = "o311_";
  static final int NAME_MAX = 100;
  static final int RATE_MAX = 10_000;

  /** A client as stored: never the key. */
  public record Client(long id, String name, String districtCode, String keyPrefix, int ratePerMinute,
      String createdBy, Instant createdAt, String revokedBy, Instant revokedAt) {
    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /** A new client and its key, which is not stored and cannot be shown again. */
  public record Issued(Client client, String key) {}

  private final JdbcClient jdbc;
  private final Geography geography;
  private final int defaultRate;
  private final SecureRandom random = new SecureRandom();

  Open311Keys(JdbcClient jdbc, Geography geography, @Value("${huian.open311.rate-per-minute:60}") int defaultRate) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.defaultRate = defaultRate;
  }

  @Transactional
  public Issued issue(String name, String district, Integer ratePerMinute, String by) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("name", "客户端名称不能为空"));
    } else if (name.codePointCount(0, name.length()) > NAME_MAX || TextRules.hasControlCharacters(name)) {
      errors.add(new FieldError("name", "客户端名称最多 100 个字，且不能含控制字符"));
    }
    if (district == null || geography.findActive(district, Level.DISTRICT).isEmpty()) {
      errors.add(new FieldError("district", "须为本系统所辖的区（区级单位代码）"));
    }
    int rate = ratePerMinute == null ? defaultRate : ratePerMinute;
    if (rate < 1 || rate > RATE_MAX) {
      errors.add(new FieldError("ratePerMinute", "每分钟请求上限须在 1 至 10000 之间"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String prefix = key.substring(0, PREFIX.length() + 6);
    jdbc.sql("INSERT INTO open311_clients (name, district_code, key_hash, key_prefix, rate_per_minute, created_by, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(name.strip(), district, hash(key), prefix, rate, by, Timestamp.from(now)).update();
    Client client = jdbc.sql("SELECT * FROM open311_clients WHERE key_hash = ?").param(hash(key)).query(Open311Keys::map).single();
    log.info("Open311 key {}… issued to client {} ({}) for district {} by {}", prefix, client.id(), client.name(), district, by);
    return new Issued(client, key);
  }

  public List<Client> list() {
    return jdbc.sql("SELECT * FROM open311_clients ORDER BY id").query(Open311Keys::map).list();
  }

  @Transactional
  public Client revoke(long id, String by) {
    Client client = find(id).orElseThrow(() -> new NotFoundException("Open311 客户端不存在：" + id));
    if (!client.revoked()) {
      jdbc.sql("UPDATE open311_clients SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
          .params(by, Timestamp.from(Instant.now()), id).update();
      log.info("Open311 key {}… of client {} revoked by {}", client.keyPrefix(), id, by);
    }
    return find(id).orElseThrow();
  }

  public Optional<Client> find(long id) {
    return jdbc.sql("SELECT * FROM open311_clients WHERE id = ?").param(id).query(Open311Keys::map).optional();
  }

  /** The client a presented key belongs to (revoked ones too, so the answer can say so). */
  public Optional<Client> byKey(String key) {
    if (key == null || key.isBlank() || key.length() > 200) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM open311_clients WHERE key_hash = ?").param(hash(key.strip())).query(Open311Keys::map).optional();
  }

  static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Client map(ResultSet rs, int row) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new Client(rs.getLong("id"), rs.getString("name"), rs.getString("district_code"), rs.getString("key_prefix"),
        rs.getInt("rate_per_minute"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
        rs.getString("revoked_by"), revoked == null ? null : revoked.toInstant());
  }
}
