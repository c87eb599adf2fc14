package org.huian.risk;

import java.util.List;

/**
 * Where the health-check report gets the photo thumbnails of a case it lists (issue 15: caseworkers
 * see a case's photos in the report). Implemented over the attachments ({@code AttachmentCasePhotos});
 * without an implementation the report lists cases without photos.
 */
public interface CasePhotos {

  /** Up to {@code max} thumbnails of the case's images, in the order they were attached. */
  List<HealthReportView.Photo> thumbnails(String caseNo, int max);
}
