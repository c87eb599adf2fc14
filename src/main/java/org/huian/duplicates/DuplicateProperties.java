package org.huian.duplicates;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huian.duplicates.*}: how duplicate suggestions are found (docs/duplicates.md).
 *
 * @param maxResults suggestions answered at most (5)
 * @param minScore the score (0 to 1) a case needs to be suggested (0.35, chosen on the labelled set)
 * @param recentlyClosed closed cases are suggested this long after closing (30 days)
 * @param sameCategoryWindow a case of the same category in the same street counts as a reason this
 *     long after it was taken in (14 days)
 * @param candidatesPerKey newest cases read per key of the report (100); bounds the work of a
 *     common bigram such as 纠纷
 */
@ConfigurationProperties("huian.duplicates")
public record DuplicateProperties(Integer maxResults, Double minScore, Duration recentlyClosed,
    Duration sameCategoryWindow, Integer candidatesPerKey) {

  public DuplicateProperties {
    maxResults = maxResults == null ? 5 : maxResults;
    minScore = minScore == null ? 0.35 : minScore;
    recentlyClosed = recentlyClosed == null ? Duration.ofDays(30) : recentlyClosed;
    sameCategoryWindow = sameCategoryWindow == null ? Duration.ofDays(14) : sameCategoryWindow;
    candidatesPerKey = candidatesPerKey == null ? 100 : candidatesPerKey;
  }
}
