package org.huian.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of case-dispatch.dmn (functional areas). */
class DispatchDecisionTest {
  final DmnDecision dispatch = Decisions.decision(CaseHandling.DISPATCH_DMN, "case-dispatch");

  @ParameterizedTest(name = "{0} {1} cross={2} -> {3}")
  @CsvSource({
      "DISTRICT, NEIGHBOUR, true, dispatch", "DISTRICT, PETITION, false, reception",
      "DISTRICT, FAMILY, false, psychological", "DISTRICT, MEDICAL, false, mediation",
      "STREET, PETITION, false, petitions", "STREET, SAFETY_HAZARD, false, dispatch",
      "STREET, WAGE_ARREARS, false, legal", "STREET, LABOUR, true, legal", "STREET, OTHER, false, registration",
      "STREET, PROPERTY_MANAGEMENT, false, mediation", "COMMUNITY, NEIGHBOUR, false, ", "GRID, SAFETY_HAZARD, false, "})
  void shouldPickTheFunctionalArea(String level, String category, boolean cross, String area) {
    DmnDecisionTableResult result = Decisions.ENGINE.evaluateDecisionTable(dispatch,
        Map.of("level", level, "category", category, "crossRegion", cross, "crossDepartment", false));
    assertThat((String) result.getSingleEntry()).isEqualTo(area);
  }
}
