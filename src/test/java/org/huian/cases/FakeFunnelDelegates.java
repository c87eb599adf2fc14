package org.huian.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the funnel's delegates in model tests: they keep the routing facts in process
 * variables the way the real ones do, and record each call, so a test sees which steps ran.
 */
final class FakeFunnelDelegates {

  static final Map<String, String> UNIT_OF_LEVEL = Map.of(
      "GRID", "110101004001-01", "COMMUNITY", "110101004001", "STREET", "110101004000", "DISTRICT", "110101000000");
  static final List<String> LEVELS = List.of("GRID", "COMMUNITY", "STREET", "DISTRICT");

  final List<String> calls = new ArrayList<>();

  void register() {
    Mocks.register("registerCaseDelegate", (JavaDelegate) e -> calls.add("register"));
    Mocks.register("assignEntryUnitDelegate", (JavaDelegate) e -> {
      Map<?, ?> routing = (Map<?, ?>) e.getVariable("routing");
      enter(e, (String) routing.get("routedLevel"));
      e.setVariable("complexity", routing.get("complexity"));
      calls.add("assign:" + routing.get("routedLevel") + "/" + routing.get("complexity"));
    });
    Mocks.register("scheduleDeadlineDelegate", (JavaDelegate) e -> {
      Date entered = (Date) e.getVariable("levelEnteredAt");
      Duration allowed = Duration.parse(((String) e.getVariable("deadlineDuration")).replace("P", "PT").replace("D", "H"))
          .multipliedBy(24);
      e.setVariable("deadlineAt", new Date(entered.getTime() + allowed.toMillis()));
      e.setVariable("warnAt", new Date(entered.getTime() + allowed.toMillis() * 8 / 10));
      calls.add("schedule:" + e.getVariable("level") + "/" + e.getVariable("deadlineDuration"));
    });
    Mocks.register("escalateCaseDelegate", (JavaDelegate) e -> {
      String level = (String) e.getVariable("level");
      calls.add("escalate:" + e.getVariable("escalationReason") + ":" + level);
      enter(e, LEVELS.get(LEVELS.indexOf(level) + 1));
    });
    Mocks.register("warnDeadlineDelegate", (JavaDelegate) e -> calls.add("warn:" + e.getVariable("level")));
    Mocks.register("orderSupervisionDelegate", (JavaDelegate) e -> calls.add("supervision-ordered"));
    Mocks.register("recordSupervisionDelegate", (JavaDelegate) e -> calls.add("supervision-recorded"));
    Mocks.register("resolveSlaBreachListener", (ExecutionListener) e -> calls.add("resolve-incident"));
    Mocks.register("applyComplexityDelegate", (JavaDelegate) e -> {
      e.setVariable("complexity", "COMPLEX");
      calls.add("complex");
    });
    Mocks.register("recordFeedbackDelegate", (JavaDelegate) e -> calls.add("feedback:" + e.getVariable("feedback")));
    Mocks.register("reopenCaseDelegate", (JavaDelegate) e -> {
      e.setVariable("reopenCount", (Integer) e.getVariable("reopenCount") + 1);
      e.setVariable("levelEnteredAt", ClockUtil.getCurrentTime());
      calls.add("reopen");
    });
    Mocks.register("closeCaseDelegate", (JavaDelegate) e -> calls.add("close"));
    Mocks.register("sendNotificationDelegate", (JavaDelegate) e -> calls.add("notify:" + e.getVariable("notificationKind")));
    Mocks.register("closeAsDuplicateDelegate", (JavaDelegate) e -> calls.add("close-duplicate:" + e.getVariable("duplicateOfCaseNo")));
    Mocks.register("notifyDuplicateDelegate", (JavaDelegate) e -> calls.add("notify:DUPLICATE"));
    // case-handling
    Mocks.register("dispatchCaseDelegate", (JavaDelegate) e -> {
      Object area = e.getVariable("functionalArea");
      e.setVariable("handlerGroup", e.getVariable("unitCode") + (area == null ? "" : "-" + area));
      e.setVariable("supervisorGroup", e.getVariable("unitCode") + "-leaders");
      e.removeVariable("outcome");
    });
    Mocks.register("checkHandlingDelegate", (JavaDelegate) e -> calls.add("check:" + e.getVariable("outcome")));
    Mocks.register("recordResolutionDelegate", (JavaDelegate) e -> calls.add("resolved:" + e.getVariable("level")));
    Mocks.register("referCaseDelegate", (JavaDelegate) e -> calls.add("refer"));
    Mocks.register("recordComplexityDecisionDelegate", (JavaDelegate) e -> calls.add("decision:" + e.getVariable("complexityDecision")));
  }

  private static void enter(DelegateExecution e, String level) {
    e.setVariable("level", level);
    e.setVariable("unitCode", UNIT_OF_LEVEL.get(level));
    e.setVariable("levelEnteredAt", ClockUtil.getCurrentTime());
  }
}
