package org.huian.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.huian.dialogue.AreaIndexLookup;
import org.springframework.stereotype.Component;

/**
 * The safety index for the safety dialogue's effectiveness list ("before and after"): the
 * index of a street or community at the end of a day (Beijing time), or now for a day not over.
 */
// The one arrow between two capabilities besides those to cases (docs/architecture.md): risk
// implements dialogue's port, so dialogue shows the index without importing risk, and runs
// without it (AreaIndexLookup.NONE).
@Component
class RiskAreaIndexLookup implements AreaIndexLookup {

  private final RiskIndexService index;

  RiskAreaIndexLookup(RiskIndexService index) {
    this.index = index;
  }

  @Override
  public Optional<BigDecimal> indexOn(String areaCode, LocalDate day) {
    Instant end = day.plusDays(1).atStartOfDay(RiskIndexService.ZONE).toInstant();
    Instant now = index.now();
    UnitIndex u = index.snapshot(index.filter(end.isAfter(now) ? now : end)).unit(areaCode);
    return u == null ? Optional.empty() : Optional.of(BigDecimal.valueOf(u.score()));
  }
}
