package org.huian.duplicates;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.huian.cases.CaseRow;
import org.huian.cases.CaseStatus;
import org.huian.cases.EventType;
import org.huian.security.ProcessInstanceGrants;
import org.springframework.stereotype.Component;

/**
 * First step of the event subprocess that closes a case as a duplicate: status DUPLICATE, the
 * link, a timeline entry on both cases, and the units' read grants withdrawn as at any closure.
 */
@Component
class CloseAsDuplicateDelegate implements JavaDelegate {

  private final CaseContext context;
  private final DuplicateRepository repository;
  private final ProcessInstanceGrants grants;

  CloseAsDuplicateDelegate(CaseContext context, DuplicateRepository repository, ProcessInstanceGrants grants) {
    this.context = context;
    this.repository = repository;
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseRow c = context.caseOf(execution);
    CaseRow original = context.cases().get(DuplicateMarking.ORIGINAL_CASE_NO.get(execution));
    String actor = DuplicateMarking.ACTOR.optional(execution).orElse(CaseContext.actor(execution));
    String note = DuplicateMarking.NOTE.optional(execution).orElse(null);
    context.cases().setStatus(c.caseNo(), CaseStatus.DUPLICATE);
    repository.insertLink(c.caseNo(), original.caseNo(), actor, note, org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant());
    context.cases().addEvent(c.caseNo(), EventType.MARKED_DUPLICATE, c.level(), c.unitCode(), actor,
        "与案件 " + original.caseNo() + "（" + original.title() + "）为同一事项，作为重复件关闭" + (note == null ? "" : "：" + note));
    context.cases().addEvent(original.caseNo(), EventType.DUPLICATE_LINKED, original.level(), original.unitCode(), actor,
        "案件 " + c.caseNo() + "（" + c.title() + "）作为本案的重复件关闭");
    grants.revokeCase(c.caseNo());
  }
}
