package org.huian.attachment;

import java.time.Instant;

/** One row of {@code attachments}: what is known of a stored file besides its bytes. */
record AttachmentRow(String id, AttachmentOwner owner, String ownerNo, String step, String caption,
    String fileName, String contentType, long size, Integer width, Integer height, String store,
    String thumbnailType, String uploadedBy, String clientRef, int position, Instant createdAt) {

  static String contentKey(String id) {
    return id;
  }

  static String thumbnailKey(String id) {
    return id + "/thumbnail";
  }

  Attachment view() {
    String url = "/api/attachments/" + id;
    return new Attachment(id, owner, ownerNo, step, caption, contentType, size, width, height, url,
        thumbnailType == null ? null : url + "/thumbnail", createdAt);
  }
}
