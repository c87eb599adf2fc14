package org.huian.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of case-routing.dmn (the default funnel routing). */
class RoutingDecisionTest {
  final DmnDecision routing = Decisions.decision(CaseFunnel.ROUTING_DMN, "case-routing");

  DmnDecisionTableResult route(String category, String channel, int people, double amount, boolean region, boolean department) {
    Map<String, Object> v = new HashMap<>();
    v.put("category", category);
    v.put("channel", channel);
    v.put("peopleInvolved", people);
    v.put("amountInvolved", amount);
    v.put("crossRegion", region);
    v.put("crossDepartment", department);
    return Decisions.ENGINE.evaluateDecisionTable(routing, v);
  }

  @ParameterizedTest(name = "{0} via {1}, {2} people, {3} yuan, region {4}, department {5} -> {6}/{7}")
  @CsvSource({
      // rule 1, 2: cross-region, cross-department
      "NEIGHBOUR, GRID_APP, 1, 0, true, false, DISTRICT, COMPLEX",
      "NEIGHBOUR, GRID_APP, 1, 0, false, true, DISTRICT, COMPLEX",
      // rule 3, 4: mass cases and large amounts, whatever the category
      "WAGE_ARREARS, WINDOW, 30, 0, false, false, DISTRICT, COMPLEX",
      "NEIGHBOUR, GRID_APP, 29, 999999.99, false, false, GRID, NORMAL",
      "CONSUMER, ONLINE, 1, 1000000, false, false, DISTRICT, COMPLEX",
      // rule 5, 6: neighbour and family
      "FAMILY, GRID_APP, 2, 0, false, false, GRID, NORMAL",
      "NEIGHBOUR, HOTLINE, 2, 0, false, false, COMMUNITY, NORMAL",
      "FAMILY, WINDOW, 2, 0, false, false, COMMUNITY, NORMAL",
      // rule 7, 8: safety hazards
      "SAFETY_HAZARD, GRID_APP, 1, 0, false, false, GRID, NORMAL",
      "SAFETY_HAZARD, HOTLINE, 1, 0, false, false, COMMUNITY, NORMAL",
      // rule 9-11: street categories, complex by people or amount
      "LABOUR, WINDOW, 10, 0, false, false, STREET, COMPLEX",
      "MEDICAL, WINDOW, 9, 100000, false, false, STREET, COMPLEX",
      "PROPERTY_MANAGEMENT, HOTLINE, 9, 99999.99, false, false, STREET, NORMAL",
      "PETITION, LETTER, 1, 0, false, false, STREET, NORMAL",
      "TRAFFIC, WINDOW, 1, 0, false, false, STREET, NORMAL",
      "HOUSING, WINDOW, 1, 0, false, false, STREET, NORMAL",
      "CONSTRUCTION, WINDOW, 1, 0, false, false, STREET, NORMAL",
      // rule 12: anything else
      "OTHER, GRID_APP, 1, 0, false, false, COMMUNITY, NORMAL",
  })
  void shouldRouteByTheDefaultTable(String category, String channel, int people, double amount,
      boolean region, boolean department, String level, String complexity) {
    DmnDecisionTableResult result = route(category, channel, people, amount, region, department);
    assertThat(result.getSingleResult().getEntryMap())
        .containsEntry("routedLevel", level).containsEntry("complexity", complexity);
  }

  @Test
  void shouldRouteEveryCategoryOfTheCatalogue() {
    for (Category c : Category.values()) {
      assertThat(route(c.name(), "WINDOW", 1, 0, false, false).getSingleResult())
          .as(c.name()).isNotNull();
    }
  }
}
