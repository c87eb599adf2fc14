package org.huian.mediation;

import java.util.Date;
import org.huian.process.ProcessVariable;

/** Descriptor of {@code processes/mediation.bpmn}: one mediation, from scheduling to an agreement in force. */
public final class MediationProcess {

  public static final String KEY = "mediation";
  public static final String RESOURCE = "processes/mediation.bpmn";
  public static final String MESSAGE_CONFIRMED = "AgreementConfirmed";
  public static final String MESSAGE_DECLINED = "AgreementDeclined";

  private MediationProcess() {}

  public static final class Elements {
    public static final String START = "StartEvent_MediationRequested";
    public static final String PREPARE = "Task_PrepareMediation";
    public static final String SCHEDULE = "Task_ScheduleMediation";
    public static final String RECORD_SCHEDULE = "Task_RecordSchedule";
    public static final String HOLD = "Task_HoldMediation";
    public static final String RECORD_MEDIATION = "Task_RecordMediation";
    public static final String SEND_LINKS = "Task_SendConfirmationLinks";
    public static final String AWAIT_CONFIRMATION = "Gateway_AwaitConfirmation";
    public static final String CONFIRMED = "Message_AgreementConfirmed";
    public static final String DECLINED = "Message_AgreementDeclined";
    public static final String CONFIRMATION_EXPIRED = "Timer_ConfirmationExpired";
    public static final String RECORD_DECLINE = "Task_RecordDecline";
    public static final String RECORD_EXPIRY = "Task_RecordExpiry";
    public static final String ACTIVATE = "Task_ActivateAgreement";
    public static final String END_AGREED = "EndEvent_Agreed";
    public static final String END_NO_AGREEMENT = "EndEvent_NoAgreement";

    private Elements() {}
  }

  public static final class Variables {
    public static final ProcessVariable<String> MEDIATION_GROUP = ProcessVariable.of("mediationGroup", String.class);
    public static final ProcessVariable<String> PARTIES_TEXT = ProcessVariable.of("partiesText", String.class);
    public static final ProcessVariable<String> MODE = ProcessVariable.of("mediationMode", String.class);
    public static final ProcessVariable<String> AT = ProcessVariable.of("mediationAt", String.class);
    public static final ProcessVariable<Long> MEDIATION_ID = ProcessVariable.of("mediationId", Long.class);
    public static final ProcessVariable<String> MODE_NAME = ProcessVariable.of("mediationModeName", String.class);
    public static final ProcessVariable<String> AT_TEXT = ProcessVariable.of("mediationAtText", String.class);
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.of("mediationOutcome", String.class);
    /** The canonical agreement as JSON, when it came through the API. */
    public static final ProcessVariable<String> AGREEMENT_JSON = ProcessVariable.of("agreementJson", String.class);
    public static final ProcessVariable<Long> AGREEMENT_ID = ProcessVariable.of("agreementId", Long.class);
    public static final ProcessVariable<Boolean> AGREEMENT_REMOTE = ProcessVariable.of("agreementRemote", Boolean.class);
    public static final ProcessVariable<Date> CONFIRMATION_DEADLINE = ProcessVariable.of("confirmationDeadline", Date.class);
    /** NO_AGREEMENT, AGREEMENT (reached, not yet in force) or AGREED (in force). */
    public static final ProcessVariable<String> RESULT = ProcessVariable.of("mediationResult", String.class);

    private Variables() {}
  }
}
