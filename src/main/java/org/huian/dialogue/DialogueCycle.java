package org.huian.dialogue;

import java.util.Date;
import org.huian.process.ProcessVariable;

/** Descriptor of {@code processes/safety-dialogue-cycle.bpmn}: one year of the four-list cycle. */
public final class DialogueCycle {

  public static final String KEY = "safety-dialogue-cycle";
  public static final String RESOURCE = "processes/safety-dialogue-cycle.bpmn";
  public static final String ASSESSMENT_DMN = "processes/dialogue-assessment.dmn";
  public static final String ASSESSMENT_DECISION = "dialogue-assessment";

  private DialogueCycle() {}

  public static final class Elements {
    public static final String START = "StartEvent_CycleStarted";
    public static final String OPEN = "Task_OpenCycle";
    public static final String QUARTER_END = "Timer_QuarterEnd";
    public static final String ISSUE_BULLETIN = "Task_IssueBulletin";
    public static final String YEAR_OVER = "Gateway_YearOver";
    public static final String REVIEW = "Task_ReviewEffectiveness";
    public static final String CHECK_REVIEW = "Task_CheckReview";
    public static final String LIST_UNITS = "Task_ListAssessedUnits";
    public static final String ASSESS_UNIT = "SubProcess_AssessUnit";
    public static final String SCORE_UNIT = "Task_ScoreUnit";
    public static final String RATE_UNIT = "Task_RateUnit";
    public static final String RECORD_RATING = "Task_RecordRating";
    public static final String ANNUAL_BULLETIN = "Task_IssueAnnualBulletin";
    public static final String ADMONITION = "SubProcess_Admonition";
    public static final String PREPARE_ADMONITION = "Task_PrepareAdmonition";
    public static final String ADMONITION_TALK = "Task_AdmonitionTalk";
    public static final String RECORD_ADMONITION = "Task_RecordAdmonition";
    public static final String CLOSE = "Task_CloseCycle";
    public static final String END = "EndEvent_CycleClosed";

    private Elements() {}
  }

  public static final class Variables {
    public static final ProcessVariable<String> CYCLE_NO = ProcessVariable.of("cycleNo", String.class);
    public static final ProcessVariable<Integer> QUARTER = ProcessVariable.of("quarter", Integer.class);
    public static final ProcessVariable<Date> NEXT_BULLETIN_AT = ProcessVariable.of("nextBulletinAt", Date.class);
    public static final ProcessVariable<Boolean> YEAR_OVER = ProcessVariable.of("yearOver", Boolean.class);
    public static final ProcessVariable<String> REVIEW_SUMMARY = ProcessVariable.of("reviewSummary", String.class);
    /** JSON list of the unit codes the multi-instance assessment runs over. */
    public static final String ASSESSED_UNITS = "assessedUnits";
    /** JSON list of the unit codes called in for a talk. */
    public static final String ADMONISHED_UNITS = "admonishedUnits";
    public static final ProcessVariable<String> ASSESSED_UNIT = ProcessVariable.of("assessedUnit", String.class);
    public static final ProcessVariable<Double> UNIT_SCORE = ProcessVariable.of("unitScore", Double.class);
    public static final ProcessVariable<Integer> ADMONISHED_COUNT = ProcessVariable.of("admonishedCount", Integer.class);
    public static final ProcessVariable<String> ADMONISHED_UNIT = ProcessVariable.of("admonishedUnit", String.class);
    public static final ProcessVariable<String> ADMONITION_DATE = ProcessVariable.of("admonitionDate", String.class);
    public static final ProcessVariable<String> ADMONITION_NOTE = ProcessVariable.of("admonitionNote", String.class);

    private Variables() {}
  }
}
