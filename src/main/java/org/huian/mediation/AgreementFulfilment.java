package org.huian.mediation;

import java.util.Date;
import org.huian.process.ProcessVariable;

/** Descriptor of {@code processes/agreement-fulfilment.bpmn}: every instalment or action tracked to its end. */
public final class AgreementFulfilment {

  public static final String KEY = "agreement-fulfilment";
  public static final String RESOURCE = "processes/agreement-fulfilment.bpmn";
  public static final String GRACE_DMN = "processes/fulfilment-grace.dmn";
  public static final String BREACH_ERROR_CODE = "AGREEMENT_BREACHED";

  private AgreementFulfilment() {}

  public static final class Elements {
    public static final String START = "StartEvent_FulfilmentStarted";
    public static final String PLAN = "Task_PlanFulfilment";
    public static final String TRACK_ITEM = "SubProcess_TrackItem";
    public static final String SCHEDULE_ITEM = "Task_ScheduleItem";
    public static final String ITEM_DUE = "Timer_ItemDue";
    public static final String REQUEST_CONFIRMATION = "Task_RequestFulfilmentConfirmation";
    public static final String CONFIRM = "Task_ConfirmFulfilment";
    public static final String RECORD = "Task_RecordFulfilment";
    public static final String DETERMINE_GRACE = "Task_DetermineGrace";
    public static final String START_GRACE = "Task_StartGrace";
    public static final String CONFIRM_LATE = "Task_ConfirmLateFulfilment";
    public static final String RECORD_LATE = "Task_RecordLateFulfilment";
    public static final String GRACE_EXPIRED = "Timer_GraceExpired";
    public static final String MARK_BREACHED = "Task_MarkItemBreached";
    public static final String BREACHED = "Error_AgreementBreached";
    public static final String RECORD_BREACH = "Task_RecordBreach";
    public static final String RECORD_FULFILLED = "Task_RecordAgreementFulfilled";
    public static final String END_FULFILLED = "EndEvent_AgreementFulfilled";
    public static final String END_BREACHED = "EndEvent_AgreementBreached";

    private Elements() {}
  }

  public static final class Variables {
    public static final ProcessVariable<Object> ITEMS = ProcessVariable.of("fulfilmentItems", Object.class);
    public static final ProcessVariable<Long> ITEM_ID = ProcessVariable.of("fulfilmentItemId", Long.class);
    public static final ProcessVariable<Date> ITEM_DUE_AT = ProcessVariable.of("itemDueAt", Date.class);
    public static final ProcessVariable<Boolean> ITEM_FULFILLED = ProcessVariable.of("itemFulfilled", Boolean.class);
    public static final ProcessVariable<String> GRACE_DURATION = ProcessVariable.of("graceDuration", String.class);
    public static final ProcessVariable<Date> GRACE_UNTIL = ProcessVariable.of("graceUntil", Date.class);
    public static final ProcessVariable<String> ANSWER = ProcessVariable.of("fulfilment", String.class);
    public static final ProcessVariable<String> EVIDENCE = ProcessVariable.of("fulfilmentEvidence", String.class);
    /** FULFILLED or BREACHED, read by the funnel. */
    public static final ProcessVariable<String> RESULT = ProcessVariable.of("fulfilmentResult", String.class);

    private Variables() {}
  }
}
