package org.huian.privacy;

import org.huian.attachment.AttachmentOwner;
import org.huian.attachment.AttachmentService;
import org.springframework.stereotype.Component;

/** Photos and PDFs of an anonymised case or grid report go with its personal data (AttachmentService.purge). */
@Component
class AttachmentPhotoPurge implements PhotoPurge {

  private final AttachmentService attachments;

  AttachmentPhotoPurge(AttachmentService attachments) {
    this.attachments = attachments;
  }

  @Override
  public int purgeCase(String caseNo) {
    return attachments.purge(AttachmentOwner.CASE, caseNo);
  }

  @Override
  public int purgeGridReport(String reportNo) {
    return attachments.purge(AttachmentOwner.GRID_REPORT, reportNo);
  }
}
