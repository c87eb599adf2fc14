package org.huian.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * An answer that shows phone or ID numbers unmasked: {@code privacy.AccessLogging} writes one access-log
 * entry per field it names when it is sent in answer to a GET.
 */
public interface ShowsPersonalNumbers {

  /** The case the numbers belong to, or null. */
  @JsonIgnore
  String accessLogCaseNo();

  /** Another item (a grid report number), or null. */
  @JsonIgnore
  default String accessLogItemRef() {
    return null;
  }

  /** The fields shown unmasked, e.g. {@code reporter.phone}, {@code parties[12].phone}; empty when none. */
  @JsonIgnore
  List<String> unmaskedNumberFields();
}
