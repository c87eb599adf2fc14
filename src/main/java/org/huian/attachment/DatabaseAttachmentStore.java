package org.huian.attachment;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The default store: table {@code attachment_blobs}, in the same transaction as the rows. */
@Component
@ConditionalOnProperty(name = "huian.attachments.store", havingValue = "database", matchIfMissing = true)
class DatabaseAttachmentStore implements AttachmentStore {

  private final JdbcClient jdbc;

  DatabaseAttachmentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public void put(String key, String contentType, byte[] bytes) {
    jdbc.sql("INSERT INTO attachment_blobs (object_key, content_type, content) VALUES (?, ?, ?)")
        .params(key, contentType, bytes).update();
  }

  @Override
  public Optional<byte[]> get(String key) {
    return jdbc.sql("SELECT content FROM attachment_blobs WHERE object_key = ?").param(key)
        .query((rs, n) -> rs.getBytes(1)).optional();
  }

  @Override
  public void delete(String key) {
    jdbc.sql("DELETE FROM attachment_blobs WHERE object_key = ?").param(key).update();
  }

  @Override
  public boolean transactional() {
    return true;
  }
}
