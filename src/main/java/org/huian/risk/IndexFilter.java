package org.huian.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.huian.cases.Category;

/**
 * What an index is computed over: the moment, how far back reports and escalations count, and
 * optionally only some case categories and report kinds (the heat map's filters).
 *
 * @param categories case categories to count; empty for all
 * @param kinds report kinds to count; empty for all
 */
public record IndexFilter(Instant at, Duration window, Set<Category> categories, Set<ReportKind> kinds) {

  public IndexFilter {
    categories = categories == null ? Set.of() : Set.copyOf(categories);
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
  }

  public IndexFilter at(Instant moment) {
    return new IndexFilter(moment, window, categories, kinds);
  }
}
