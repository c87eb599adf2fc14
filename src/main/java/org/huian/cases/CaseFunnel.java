package org.huian.cases;

import java.util.Date;
import java.util.Map;
import org.huian.process.ProcessVariable;

/** Descriptor of {@code processes/case-funnel.bpmn}: the four-level funnel of one case. */
public final class CaseFunnel {

  public static final String KEY = "case-funnel";
  public static final String RESOURCE = "processes/case-funnel.bpmn";
  public static final String ROUTING_DMN = "processes/case-routing.dmn";
  public static final String DEADLINES_DMN = "processes/case-deadlines.dmn";
  /** Incident type raised on a case that missed its district deadline; shown in Cockpit. */
  public static final String SLA_BREACH_INCIDENT = "huianSlaBreach";

  private CaseFunnel() {}

  /** BPMN element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_CaseReceived";
    public static final String REGISTER = "Task_RegisterCase";
    public static final String ROUTE = "Task_RouteCase";
    public static final String ASSIGN_ENTRY_UNIT = "Task_AssignEntryUnit";
    public static final String LEVEL_ENTERED = "Gateway_LevelEntered";
    public static final String DETERMINE_DEADLINE = "Task_DetermineDeadline";
    public static final String SCHEDULE_DEADLINE = "Task_ScheduleDeadline";
    public static final String DISTRICT_LEVEL = "Gateway_DistrictLevel";
    public static final String HANDLE_AT_LEVEL = "CallActivity_HandleAtLevel";
    public static final String HANDLE_AT_DISTRICT = "CallActivity_HandleAtDistrict";
    public static final String TIMER_LEVEL_WARNING = "Timer_LevelWarning";
    public static final String TIMER_LEVEL_DEADLINE = "Timer_LevelDeadline";
    public static final String TIMER_DISTRICT_WARNING = "Timer_DistrictWarning";
    public static final String TIMER_DISTRICT_DEADLINE = "Timer_DistrictDeadline";
    public static final String WARN_DEADLINE = "Task_WarnDeadline";
    public static final String WARN_DISTRICT_DEADLINE = "Task_WarnDistrictDeadline";
    public static final String ESCALATE_ON_DEADLINE = "Task_EscalateOnDeadline";
    public static final String ESCALATE_BY_HANDLER = "Task_EscalateByHandler";
    public static final String ESCALATE_ON_DISSATISFACTION = "Task_EscalateOnDissatisfaction";
    public static final String NOTIFY_ESCALATION = "Task_NotifyEscalation";
    public static final String ORDER_SUPERVISION = "Task_OrderSupervision";
    public static final String SUPERVISE_CASE = "Task_SuperviseCase";
    public static final String RECORD_SUPERVISION = "Task_RecordSupervision";
    public static final String APPLY_COMPLEXITY = "Task_ApplyComplexity";
    public static final String RETURN_VISIT = "Task_ReturnVisit";
    public static final String RECORD_FEEDBACK = "Task_RecordFeedback";
    public static final String REOPEN = "Task_ReopenCase";
    public static final String CLOSE = "Task_CloseCase";
    public static final String NOTIFY_CLOSED = "Task_NotifyCaseClosed";
    public static final String END_CLOSED = "EndEvent_CaseClosed";
    public static final String END_LEVEL_WARNED = "EndEvent_LevelWarned";
    public static final String END_DISTRICT_WARNED = "EndEvent_DistrictWarned";
    public static final String END_SUPERVISION_RECORDED = "EndEvent_SupervisionRecorded";
    public static final String TRACK_FULFILMENT = "CallActivity_TrackFulfilment";
    public static final String FULFILMENT_RESULT = "Gateway_FulfilmentResult";
    public static final String REOPEN_AFTER_BREACH = "Task_ReopenAfterBreach";
    /** The interrupting event subprocess that closes a case as a duplicate (message {@link #MESSAGE_MARKED_DUPLICATE}). */
    public static final String MARKED_DUPLICATE = "SubProcess_MarkedDuplicate";
    public static final String START_MARKED_DUPLICATE = "StartEvent_MarkedDuplicate";
    public static final String CLOSE_AS_DUPLICATE = "Task_CloseAsDuplicate";
    public static final String NOTIFY_DUPLICATE = "Task_NotifyDuplicate";
    public static final String END_CLOSED_AS_DUPLICATE = "EndEvent_ClosedAsDuplicate";
    public static final String MESSAGE_MARKED_DUPLICATE = "caseMarkedDuplicate";

    private Elements() {}
  }

  /** Process variables. Business data lives in the {@code cases} table; these are ids and routing facts. */
  public static final class Variables {
    public static final ProcessVariable<String> CASE_NO = ProcessVariable.of("caseNo", String.class);
    public static final ProcessVariable<String> CHANNEL = ProcessVariable.of("channel", String.class);
    public static final ProcessVariable<String> CATEGORY = ProcessVariable.of("category", String.class);
    public static final ProcessVariable<String> CATEGORY_NAME = ProcessVariable.of("categoryName", String.class);
    public static final ProcessVariable<String> TITLE = ProcessVariable.of("title", String.class);
    public static final ProcessVariable<Integer> PEOPLE_INVOLVED = ProcessVariable.of("peopleInvolved", Integer.class);
    public static final ProcessVariable<Double> AMOUNT_INVOLVED = ProcessVariable.of("amountInvolved", Double.class);
    public static final ProcessVariable<Boolean> CROSS_REGION = ProcessVariable.of("crossRegion", Boolean.class);
    public static final ProcessVariable<Boolean> CROSS_DEPARTMENT = ProcessVariable.of("crossDepartment", Boolean.class);
    public static final ProcessVariable<String> STREET_CODE = ProcessVariable.of("streetCode", String.class);
    public static final ProcessVariable<String> COMMUNITY_CODE = ProcessVariable.of("communityCode", String.class);
    public static final ProcessVariable<String> GRID_ID = ProcessVariable.of("gridId", String.class);
    public static final ProcessVariable<Boolean> REPORTER_ANONYMOUS = ProcessVariable.of("reporterAnonymous", Boolean.class);
    /** Masked phone (or name) the return visit uses; never the full number. */
    public static final ProcessVariable<String> REPORTER_CONTACT = ProcessVariable.of("reporterContact", String.class);
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<Map> ROUTING = ProcessVariable.of("routing", Map.class);
    public static final ProcessVariable<String> LEVEL = ProcessVariable.of("level", String.class);
    public static final ProcessVariable<String> LEVEL_NAME = ProcessVariable.of("levelName", String.class);
    public static final ProcessVariable<String> UNIT_CODE = ProcessVariable.of("unitCode", String.class);
    public static final ProcessVariable<String> UNIT_NAME = ProcessVariable.of("unitName", String.class);
    public static final ProcessVariable<String> COMPLEXITY = ProcessVariable.of("complexity", String.class);
    public static final ProcessVariable<String> COMPLEXITY_NAME = ProcessVariable.of("complexityName", String.class);
    public static final ProcessVariable<Date> LEVEL_ENTERED_AT = ProcessVariable.of("levelEnteredAt", Date.class);
    public static final ProcessVariable<String> DEADLINE_DURATION = ProcessVariable.of("deadlineDuration", String.class);
    public static final ProcessVariable<Date> DEADLINE_AT = ProcessVariable.of("deadlineAt", Date.class);
    public static final ProcessVariable<Date> WARN_AT = ProcessVariable.of("warnAt", Date.class);
    public static final ProcessVariable<String> DEADLINE_TEXT = ProcessVariable.of("deadlineText", String.class);
    public static final ProcessVariable<String> SLA_NAME = ProcessVariable.of("slaName", String.class);
    public static final ProcessVariable<String> ESCALATION_REASON = ProcessVariable.of("escalationReason", String.class);
    public static final ProcessVariable<String> FEEDBACK = ProcessVariable.of("feedback", String.class);
    public static final ProcessVariable<String> FEEDBACK_NOTE = ProcessVariable.of("feedbackNote", String.class);
    public static final ProcessVariable<Integer> REOPEN_COUNT = ProcessVariable.of("reopenCount", Integer.class);
    public static final ProcessVariable<String> SUPERVISION_INSTRUCTION = ProcessVariable.of("supervisionInstruction", String.class);
    public static final ProcessVariable<String> SUPERVISION_DUE_DATE = ProcessVariable.of("supervisionDueDate", String.class);

    private Variables() {}
  }

  /** Values of {@code feedback} set by the return-visit form. */
  public static final class Feedback {
    public static final String SATISFIED = "SATISFIED";
    public static final String DISSATISFIED = "DISSATISFIED";
    public static final String UNREACHABLE = "UNREACHABLE";

    private Feedback() {}
  }
}
