package org.huian.field;

import java.time.Instant;
import java.util.List;

/** The answers of {@code /api/field}: what the grid workers' app shows. */
final class FieldViews {

  private FieldViews() {}

  /** A signed-in app: the token to send as {@code Authorization: Bearer}, and until when it holds. */
  record Session(String token, Instant expiresAt, Me me) {}

  record Me(String userId, String name, List<Grid> grids) {}

  record Grid(String code, String name, String communityCode, String communityName, String streetName) {}

  /**
   * An open grid-level handling task (处置案件) in one of the worker's grids.
   *
   * @param warning {@code OK}, {@code NEAR} (past the 80 % warning) or {@code OVERDUE}
   */
  record Task(String taskId, String caseNo, String title, String category, String categoryName, String gridId,
      String gridName, String address, String description, Instant deadline, String warning, String warningName, Instant createdAt) {}

  record Tasks(List<Task> items, Instant now) {}

  /** A grid-level task done: the case moves on to its return visit; the photo is the case's, step 处置后. */
  record Completed(String caseNo, String taskId, org.huian.attachment.Attachment photo) {}
}
