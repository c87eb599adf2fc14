package org.huian.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of case-deadlines.dmn. */
class DeadlinesDecisionTest {
  final DmnDecision deadlines = Decisions.decision(CaseFunnel.DEADLINES_DMN, "case-deadlines");

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
      "DISTRICT, NORMAL, P7D", "DISTRICT, COMPLEX, P30D", "STREET, NORMAL, P7D", "STREET, COMPLEX, P30D",
      "COMMUNITY, NORMAL, P3D", "COMMUNITY, COMPLEX, P3D", "GRID, NORMAL, P1D", "GRID, COMPLEX, P1D"})
  void shouldGiveEachLevelItsTime(String level, String complexity, String expected) {
    DmnDecisionTableResult result = Decisions.ENGINE.evaluateDecisionTable(deadlines, Map.of("level", level, "complexity", complexity));
    assertThat((String) result.getSingleEntry()).isEqualTo(expected);
  }
}
