package org.huian.duplicates;

import java.time.Instant;
import java.util.List;

/**
 * What duplicate matching reads of a report or a stored case: text, place, category and the
 * people and organisations involved (reporter included). Built from an intake request or a case row.
 */
record Probe(String title, String description, String category, String streetCode, String communityCode,
    String gridId, String address, List<Subject> subjects, Instant createdAt) {

  /** A party or the reporter: an organisation or a person, a name, a phone, a credit code if one was written. */
  record Subject(boolean organisation, String name, String phone, String creditCode) {}
}
