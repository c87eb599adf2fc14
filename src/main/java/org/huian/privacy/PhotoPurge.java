package org.huian.privacy;

/**
 * Deletes the photos of an anonymised case or grid report. The implementation calls
 * {@code org.huian.attachment.AttachmentService.purge(owner, ownerNo)};
 * {@link AttachmentPhotoPurge} does so.
 */
public interface PhotoPurge {

  /** Deletes the files and thumbnails of one case; answers how many. */
  int purgeCase(String caseNo);

  /** Deletes the files and thumbnails of one grid report; answers how many. */
  int purgeGridReport(String reportNo);
}
