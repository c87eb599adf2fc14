package org.huian.cases;

import org.huian.process.ProcessVariable;

/**
 * Descriptor of {@code processes/case-handling.bpmn}: dispatch and handling of a case at one
 * level, called by the funnel under the level's deadline timers.
 */
public final class CaseHandling {

  public static final String KEY = "case-handling";
  public static final String RESOURCE = "processes/case-handling.bpmn";
  public static final String DISPATCH_DMN = "processes/case-dispatch.dmn";

  private CaseHandling() {}

  public static final class Elements {
    public static final String START = "StartEvent_HandlingStarted";
    public static final String DETERMINE_AREA = "Task_DetermineFunctionalArea";
    public static final String DISPATCH = "Task_DispatchCase";
    public static final String HANDLE = "Task_HandleCase";
    public static final String CHECK = "Task_CheckHandling";
    public static final String OUTCOME = "Gateway_HandlingOutcome";
    public static final String RECORD_RESOLUTION = "Task_RecordResolution";
    public static final String REFER = "Task_ReferCase";
    public static final String APPROVE_COMPLEXITY = "Task_ApproveComplexity";
    public static final String RECORD_COMPLEXITY_DECISION = "Task_RecordComplexityDecision";
    public static final String END_RESOLVED = "EndEvent_Resolved";
    public static final String END_ESCALATION_REQUESTED = "EndEvent_EscalationRequested";
    public static final String END_COMPLEXITY_APPROVED = "EndEvent_ComplexityApproved";
    public static final String MEDIATE = "CallActivity_Mediate";
    public static final String MEDIATION_RESULT = "Gateway_MediationResult";
    public static final String RESUME_HANDLING = "Task_ResumeHandling";
    public static final String END_AGREED = "EndEvent_Agreed";
    public static final String RECORD_JUDICIAL_REFERRAL = "Task_RecordJudicialReferral";
    public static final String END_JUDICIAL_REFERRAL = "EndEvent_JudicialReferral";

    private Elements() {}
  }

  public static final class Variables {
    public static final ProcessVariable<String> FUNCTIONAL_AREA = ProcessVariable.of("functionalArea", String.class);
    public static final ProcessVariable<String> HANDLER_GROUP = ProcessVariable.of("handlerGroup", String.class);
    public static final ProcessVariable<String> SUPERVISOR_GROUP = ProcessVariable.of("supervisorGroup", String.class);
    public static final ProcessVariable<Object> REFER_OPTIONS = ProcessVariable.of("referOptions", Object.class);
    public static final ProcessVariable<String> ACTIONS_TAKEN = ProcessVariable.of("actionsTaken", String.class);
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.of("outcome", String.class);
    public static final ProcessVariable<String> OUTCOME_REASON = ProcessVariable.of("outcomeReason", String.class);
    public static final ProcessVariable<String> REFER_TO_UNIT = ProcessVariable.of("referToUnit", String.class);
    public static final ProcessVariable<String> COMPLEXITY_DECISION = ProcessVariable.of("complexityDecision", String.class);
    public static final ProcessVariable<String> COMPLEXITY_COMMENT = ProcessVariable.of("complexityComment", String.class);

    private Variables() {}
  }

  /** Values of {@code outcome} set by the handling form. */
  public static final class Outcome {
    public static final String RESOLVED = "RESOLVED";
    public static final String ESCALATE = "ESCALATE";
    public static final String REFER = "REFER";
    public static final String REQUEST_COMPLEX = "REQUEST_COMPLEX";
    public static final String MEDIATE = "MEDIATE";
    public static final String JUDICIAL_REFERRAL = "JUDICIAL_REFERRAL";

    private Outcome() {}
  }

  public static final class ComplexityDecision {
    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";

    private ComplexityDecision() {}
  }
}
