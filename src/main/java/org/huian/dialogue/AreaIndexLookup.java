package org.huian.dialogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The safety index (平安指数) of an area (street or community code) on a day, for the effectiveness
 * list's "before and after". Risk monitoring provides the real one by declaring a bean of this
 * type; until then {@link #NONE} answers nothing and the lists show "—".
 */
public interface AreaIndexLookup {

  AreaIndexLookup NONE = (areaCode, day) -> Optional.empty();

  Optional<BigDecimal> indexOn(String areaCode, LocalDate day);
}
