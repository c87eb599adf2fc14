package org.huian.dialogue;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Stand-ins for the delegates of the dialogue models, for model tests: they set the variables the
 * gateways, timers and the assessment DMN read, and record each call.
 */
final class FakeDialogueDelegates {

  static final long DAY = 86_400_000L;

  final List<String> calls = new ArrayList<>();
  /** The quarter the cycle starts in. */
  int startQuarter = 1;
  /** Units assessed and their scores (the real DMN grades them). */
  Map<String, Double> scores = new HashMap<>(Map.of("110101004000", 92.0, "110101011000", 70.0));

  void register() {
    Mocks.register("openCycleDelegate", (JavaDelegate) e -> {
      e.setVariable("quarter", startQuarter);
      e.setVariable("yearOver", false);
      e.setVariable("nextBulletinAt", new Date(ClockUtil.getCurrentTime().getTime() + 90 * DAY));
      calls.add("open");
    });
    Mocks.register("issueBulletinDelegate", (JavaDelegate) e -> {
      int q = (Integer) e.getVariable("quarter");
      calls.add("bulletin:Q" + q);
      e.setVariable("yearOver", q >= 4);
      if (q < 4) {
        e.setVariable("quarter", q + 1);
        e.setVariable("nextBulletinAt", new Date(ClockUtil.getCurrentTime().getTime() + 90 * DAY));
      }
    });
    Mocks.register("checkReviewDelegate", (JavaDelegate) e -> calls.add("review:" + e.getVariable("reviewSummary")));
    Mocks.register("listAssessedUnitsDelegate", (JavaDelegate) e -> e.setVariable("assessedUnits",
        Variables.objectValue(new ArrayList<>(scores.keySet().stream().sorted().toList()))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
    Mocks.register("scoreUnitDelegate", (JavaDelegate) e ->
        e.setVariableLocal("unitScore", scores.get((String) e.getVariable("assessedUnit"))));
    Mocks.register("recordRatingDelegate", (JavaDelegate) e -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> rating = (Map<String, Object>) e.getVariable("unitRating");
      calls.add("rated:" + e.getVariable("assessedUnit") + ":" + rating.get("grade") + ":" + rating.get("admonish"));
    });
    Mocks.register("issueAnnualBulletinDelegate", (JavaDelegate) e -> {
      ArrayList<String> calledIn = new ArrayList<>(scores.entrySet().stream().filter(s -> s.getValue() < 60)
          .map(Map.Entry::getKey).sorted().toList());
      e.setVariable("admonishedUnits", Variables.objectValue(calledIn)
          .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
      e.setVariable("admonishedCount", calledIn.size());
      calls.add("annual:" + calledIn);
    });
    Mocks.register("prepareAdmonitionDelegate", (JavaDelegate) e -> {
      e.setVariableLocal("admonishedUnit", e.getVariable("admonishedUnit"));
      e.setVariableLocal("admonishedUnitName", "单位" + e.getVariable("admonishedUnit"));
    });
    Mocks.register("recordAdmonitionDelegate", (JavaDelegate) e ->
        calls.add("admonished:" + e.getVariable("admonishedUnit") + ":" + e.getVariable("admonitionNote")));
    Mocks.register("closeCycleDelegate", (JavaDelegate) e -> calls.add("close"));

    Mocks.register("recordProgressDelegate", (JavaDelegate) e -> {
      int percent = ((Number) e.getVariable("progressPercent")).intValue();
      boolean hard = Boolean.TRUE.equals(e.getVariable("progressHard"));
      e.setVariable("progressState", percent == 100 ? "DONE" : hard ? "HARD" : "ONGOING");
      e.removeVariable("progressPercent");
      e.removeVariable("progressHard");
      calls.add("progress:" + percent + (hard ? ":hard" : ""));
    });
    Mocks.register("recordCoordinationDelegate", (JavaDelegate) e -> {
      calls.add("coordinated:" + e.getVariable("coordinationDecision"));
      e.removeVariable("coordinationDecision");
    });
    Mocks.register("carryOverDelegate", (JavaDelegate) e -> calls.add("carried-over"));
    Mocks.register("saveOfficerDelegate", (JavaDelegate) e -> {
      calls.add("officer:" + e.getVariable("officerName") + ":" + e.getVariable("officerStreet"));
      e.removeVariable("officerName");
      e.setVariable("officerNo", "MC-0001");
    });
  }
}
