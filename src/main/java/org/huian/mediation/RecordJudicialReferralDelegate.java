package org.huian.mediation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.cases.CaseRow;
import org.huian.cases.EventType;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * The handler refers the parties to a court (司法兜底): judicial confirmation of the agreement or
 * litigation, with the court or litigation–mediation station, the date and the result so far.
 */
@Component
class RecordJudicialReferralDelegate implements JavaDelegate {

  private final CaseContext context;
  private final MediationRepository repository;

  RecordJudicialReferralDelegate(CaseContext context, MediationRepository repository) {
    this.context = context;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution e) {
    List<FieldError> errors = new ArrayList<>();
    JudicialKind kind = null;
    try {
      kind = JudicialKind.valueOf(String.valueOf(e.getVariable("judicialKind")));
    } catch (IllegalArgumentException ex) {
      errors.add(new FieldError("judicialKind", "请选择司法途径"));
    }
    String station = e.getVariable("courtStation") == null ? "" : e.getVariable("courtStation").toString().strip();
    if (station.isEmpty() || station.length() > 100) {
      errors.add(new FieldError("courtStation", "请填写法院或诉调对接工作站（不超过 100 字）"));
    }
    LocalDate date = null;
    try {
      String raw = String.valueOf(e.getVariable("judicialDate"));
      date = LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
    } catch (RuntimeException ex) {
      errors.add(new FieldError("judicialDate", "请填写日期"));
    }
    String result = e.getVariable("judicialResult") == null ? null : e.getVariable("judicialResult").toString().strip();
    if (result != null && result.length() > 2000) {
      errors.add(new FieldError("judicialResult", "结果不能超过 2000 字"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    CaseRow c = context.caseOf(e);
    Long agreementId = repository.latestAgreement(c.caseNo()).map(MediationRepository.Agreement::id).orElse(null);
    repository.insertReferral(c.caseNo(), agreementId, kind, station, date, result, CaseContext.actor(e));
    context.cases().addEvent(c.caseNo(), EventType.JUDICIAL_REFERRAL, c.level(), c.unitCode(), CaseContext.actor(e),
        kind.nameZh() + "：" + station + "，" + date + (result == null || result.isEmpty() ? "" : "。结果：" + result));
  }
}
