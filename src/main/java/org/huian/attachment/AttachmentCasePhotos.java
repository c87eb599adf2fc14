package org.huian.attachment;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.huian.risk.CasePhotos;
import org.huian.risk.HealthReportView;
import org.springframework.stereotype.Component;

/**
 * The health-check report's photos from the case's attachments: its images' thumbnails, oldest
 * first, embedded as {@code data:} URIs. The adapter lives here, beside the store, so that risk
 * knows nothing of attachments (the arrow is attachment → risk, never back): the report reads
 * photos through its own {@link CasePhotos} port.
 */
@Component
class AttachmentCasePhotos implements CasePhotos {

  private final AttachmentService attachments;

  AttachmentCasePhotos(AttachmentService attachments) {
    this.attachments = attachments;
  }

  @Override
  public List<HealthReportView.Photo> thumbnails(String caseNo, int max) {
    return attachments.list(AttachmentOwner.CASE, caseNo).stream()
        .filter(a -> a.contentType() != null && a.contentType().startsWith("image/") && a.thumbnailUrl() != null)
        .limit(max)
        .map(this::photo)
        .flatMap(Optional::stream)
        .toList();
  }

  private Optional<HealthReportView.Photo> photo(Attachment a) {
    String type = attachments.thumbnailType(a.id()).orElse("image/jpeg");
    return attachments.thumbnail(a.id()).map(bytes -> new HealthReportView.Photo(
        "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes),
        a.caption() == null || a.caption().isBlank() ? "案件照片" : a.caption()));
  }
}
