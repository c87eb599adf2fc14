package org.huian.attachment;

import java.util.Optional;

/**
 * Where the bytes of attachments and thumbnails live: the database by default, or an
 * S3-compatible object store ({@code huian.attachments.store}). The rows describing them are
 * always in the database ({@code attachments}).
 */
public interface AttachmentStore {

  /** The name written into each row, so files stay readable after a switch of store. */
  String name();

  void put(String key, String contentType, byte[] bytes);

  Optional<byte[]> get(String key);

  /** Deletes the object; nothing when it is not there. */
  void delete(String key);

  /**
   * Whether {@link #put} joins the database transaction (rolled back with it). An object store
   * does not: the service deletes its objects when the transaction rolls back.
   */
  boolean transactional();
}
