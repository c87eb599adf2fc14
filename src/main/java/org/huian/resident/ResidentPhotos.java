package org.huian.resident;

import java.util.List;
import java.util.Optional;
import org.huian.attachment.AttachmentOwner;
import org.huian.attachment.AttachmentService;
import org.huian.attachment.GeoPoint;
import org.huian.attachment.PreparedFile;
import org.huian.attachment.Upload;
import org.springframework.stereotype.Component;

/**
 * The resident's photos through the attachment contract: every file is checked and re-encoded
 * first ({@link AttachmentService#prepare}, which stores nothing and names a bad file
 * {@code files[i]}), and only after the case exists are they stored, all or nothing, at step
 * {@value #STEP} in the intake's transaction.
 */
@Component
class ResidentPhotos {

  static final String STEP = "intake";
  static final String UPLOADED_BY = "resident";

  private final AttachmentService attachments;

  ResidentPhotos(AttachmentService attachments) {
    this.attachments = attachments;
  }

  /** Checks all files; throws the contract's 400/413/415 problem for the first bad one. */
  List<PreparedFile> prepare(List<Upload> uploads) {
    return uploads.isEmpty() ? List.of() : attachments.prepare(uploads);
  }

  void store(String caseNo, List<PreparedFile> files) {
    if (!files.isEmpty()) {
      attachments.store(AttachmentOwner.CASE, caseNo, STEP, null, files, UPLOADED_BY, null);
    }
  }

  /** The position a photo was taken at, read before its metadata was stripped. */
  static Optional<GeoPoint> gps(PreparedFile file) {
    return file.gps();
  }

  int count(String caseNo) {
    return (int) attachments.list(AttachmentOwner.CASE, caseNo).stream().filter(a -> STEP.equals(a.step())).count();
  }
}
