package org.huian.resident;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/public/track/{token}}: what a resident sees of their case. It carries no name,
 * phone, party, description, handler or staff note by construction: there is no field for them.
 *
 * @param unitName the organisation handling the case now (e.g. 安定门街道综治中心)
 * @param deadline the current level's deadline; absent once the case is closed
 * @param photos how many photos the report carried
 */
public record TrackingView(
    String caseNo,
    String status,
    String statusName,
    boolean closed,
    String categoryName,
    String levelName,
    String unitName,
    Instant deadline,
    Instant createdAt,
    Instant closedAt,
    int photos,
    List<Note> notes) {

  /** One public note of the timeline: when, and a fixed sentence. */
  public record Note(Instant time, String text) {}
}
