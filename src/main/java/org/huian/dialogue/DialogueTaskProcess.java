package org.huian.dialogue;

import java.util.Date;
import org.huian.process.ProcessVariable;

/** Descriptor of {@code processes/dialogue-task.bpmn}: one task of the task list, from assignment to done. */
public final class DialogueTaskProcess {

  public static final String KEY = "dialogue-task";
  public static final String RESOURCE = "processes/dialogue-task.bpmn";
  public static final String MESSAGE_COORDINATION = "DialogueCoordinationRequested";
  public static final String MESSAGE_CYCLE_CLOSED = "DialogueCycleClosed";

  private DialogueTaskProcess() {}

  public static final class Elements {
    public static final String START = "StartEvent_TaskAssigned";
    public static final String IMPLEMENTATION = "SubProcess_Implementation";
    public static final String REPORT = "Task_ReportProgress";
    public static final String RECORD_PROGRESS = "Task_RecordProgress";
    public static final String PROGRESS = "Gateway_Progress";
    public static final String COORDINATION_REQUESTED = "Message_CoordinationRequested";
    public static final String COORDINATE = "Task_Coordinate";
    public static final String RECORD_COORDINATION = "Task_RecordCoordination";
    public static final String IMPLEMENTED = "EndEvent_Implemented";
    public static final String CYCLE_CLOSED = "Message_CycleClosed";
    public static final String CARRY_OVER = "Task_CarryOver";
    public static final String END_DONE = "EndEvent_TaskDone";
    public static final String END_CARRIED_OVER = "EndEvent_CarriedOver";

    private Elements() {}
  }

  public static final class Variables {
    public static final ProcessVariable<String> TASK_NO = ProcessVariable.of("taskNo", String.class);
    public static final ProcessVariable<String> UNIT_GROUP = ProcessVariable.of("unitGroup", String.class);
    public static final ProcessVariable<Date> DEADLINE = ProcessVariable.of("deadline", Date.class);
    public static final ProcessVariable<Object> PERCENT = ProcessVariable.of("progressPercent", Object.class);
    public static final ProcessVariable<String> NARRATIVE = ProcessVariable.of("progressNarrative", String.class);
    public static final ProcessVariable<String> REASON = ProcessVariable.of("progressReason", String.class);
    public static final ProcessVariable<Boolean> HARD = ProcessVariable.of("progressHard", Boolean.class);
    /** DONE, HARD or ONGOING: what the gateway after a progress report reads. */
    public static final ProcessVariable<String> PROGRESS_STATE = ProcessVariable.of("progressState", String.class);
    public static final ProcessVariable<String> DECISION = ProcessVariable.of("coordinationDecision", String.class);
    public static final ProcessVariable<String> NEW_DEADLINE = ProcessVariable.of("coordinationDeadline", String.class);

    private Variables() {}
  }
}
