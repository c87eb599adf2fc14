package org.huian.risk;

import java.util.Date;
import org.huian.process.ProcessVariable;

/**
 * Descriptors of {@code processes/safety-health-report.bpmn} (the monthly health-check report)
 * and {@code processes/targeted-supervision.bpmn} (one targeted supervision order).
 */
public final class HealthReportProcess {

  public static final String KEY = "safety-health-report";
  public static final String SUPERVISION_KEY = "targeted-supervision";
  /** The message of the manual start (the other start is the monthly timer). */
  public static final String MESSAGE_REQUESTED = "HealthReportRequested";

  private HealthReportProcess() {}

  public static final class Elements {
    public static final String START_MONTHLY = "StartEvent_Monthly";
    public static final String START_MANUAL = "StartEvent_Manual";
    public static final String ISSUE_REPORTS = "Task_IssueReports";
    public static final String SUPERVISION = "CallActivity_TargetedSupervision";
    public static final String END_SUPERVISED = "EndEvent_Supervised";
    public static final String END_ALL_CLEAR = "EndEvent_AllClear";
    public static final String OPEN_ORDER = "Task_OpenOrder";
    public static final String RECTIFY = "Task_Rectify";
    public static final String ORDER_OVERDUE = "Timer_OrderOverdue";
    public static final String ESCALATE_ORDER = "Task_EscalateOrder";
    public static final String SUPERIOR_RECTIFY = "Task_SuperiorRectify";
    public static final String RECORD_MEASURES = "Task_RecordMeasures";
    public static final String END_RECTIFIED = "EndEvent_Rectified";

    private Elements() {}
  }

  public static final class Variables {
    /** The month reported on, {@code yyyy-MM}. */
    public static final ProcessVariable<String> PERIOD = ProcessVariable.of("period", String.class);
    public static final ProcessVariable<Integer> REPORT_COUNT = ProcessVariable.of("reportCount", Integer.class);
    public static final ProcessVariable<String> UNIT_CODE = ProcessVariable.of("unitCode", String.class);
    public static final ProcessVariable<String> UNIT_NAME = ProcessVariable.of("unitName", String.class);
    /** What the shared Tasklist filter shows as the task's subject. */
    public static final ProcessVariable<String> TITLE = ProcessVariable.of("title", String.class);
    public static final ProcessVariable<String> ORDER_NO = ProcessVariable.of("orderNo", String.class);
    public static final ProcessVariable<String> ORDER_GROUP = ProcessVariable.of("orderGroup", String.class);
    public static final ProcessVariable<String> SUPERIOR_GROUP = ProcessVariable.of("superiorGroup", String.class);
    public static final ProcessVariable<Date> ORDER_DEADLINE = ProcessVariable.of("orderDeadline", Date.class);
    public static final ProcessVariable<String> ORDER_DEADLINE_TEXT = ProcessVariable.of("orderDeadlineText", String.class);
    public static final ProcessVariable<Date> SUPERIOR_DEADLINE = ProcessVariable.of("superiorDeadline", Date.class);
    public static final ProcessVariable<Double> ORDER_SCORE = ProcessVariable.of("orderScore", Double.class);
    public static final ProcessVariable<String> ORDER_FOCUS = ProcessVariable.of("orderFocus", String.class);
    public static final ProcessVariable<String> MEASURES = ProcessVariable.of("measures", String.class);
    /** RED streets and communities, as a JSON list (the multi-instance collection). */
    public static final String RED_UNITS = "redUnits";

    private Variables() {}
  }
}
