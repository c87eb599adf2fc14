package org.huian.mediation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.huian.cases.CaseHandling;
import org.huian.cases.CaseRepository;
import org.huian.cases.CaseRow;
import org.huian.cases.CaseStatus;
import org.huian.problem.ConflictException;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.cases.StoredParty;
import org.huian.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mediation API works the same tasks a caseworker works in Tasklist, as the calling user (so
 * engine authorizations apply), each call in one transaction: a rejected call changes nothing.
 */
@Service
public class MediationApiService {

  /** A scheduled session. */
  public record ScheduledMediation(long id, String caseNo, String mode, Instant scheduledAt, String mediatorGroup) {}

  /** What recording a session's outcome answers: the agreement reached, or that none was. */
  @Schema(oneOf = {AgreementView.class, NoAgreement.class})
  public sealed interface AgreementOutcome permits AgreementView, NoAgreement {}

  /** The session ended without an agreement ({@code outcome} is {@code NO_AGREEMENT}). */
  public record NoAgreement(String caseNo, String outcome) implements AgreementOutcome {}

  public record AgreementView(long id, String caseNo, String status, boolean partial, boolean remote, String text,
      String level, String unitCode, Instant confirmationDeadline, Instant effectiveAt, List<ObligationView> obligations)
      implements AgreementOutcome {}

  /** A party of the case, by id and role; absent when the party is no longer on the case. */
  public record PartyRef(Long id, String role, String name) {}

  public record ObligationView(long id, String kind, PartyRef obligor, PartyRef beneficiary, String description,
      BigDecimal totalAmount, String status, List<ItemView> items) {}

  /** One instalment or action of an obligation and its fulfilment. */
  public record ItemView(int seq, BigDecimal amount, LocalDate dueDate, String status, Instant graceUntil, String evidence,
      Instant confirmedAt) {}

  private final CaseRepository cases;
  private final MediationRepository repository;
  private final AgreementService agreements;
  private final TaskService tasks;
  private final IdentityService identity;

  MediationApiService(CaseRepository cases, MediationRepository repository, AgreementService agreements,
      TaskService tasks, IdentityService identity) {
    this.cases = cases;
    this.repository = repository;
    this.agreements = agreements;
    this.tasks = tasks;
    this.identity = identity;
  }

  /** Schedules a session; a case still at the handler's task is first handed to mediation. */
  @Transactional
  public ScheduledMediation schedule(String caseNo, ScheduleRequest r, CurrentUser user) {
    CaseRow c = visibleOpenCase(caseNo, user);
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    Task handle = task(caseNo, CaseHandling.Elements.HANDLE);
    if (handle != null) {
      completeAs(user, handle, Map.of("outcome", CaseHandling.Outcome.MEDIATE,
          "actionsTaken", r.note() == null || r.note().isBlank() ? "组织调解" : r.note()));
    }
    Task schedule = task(caseNo, MediationProcess.Elements.SCHEDULE);
    if (schedule == null) {
      throw new ConflictException("caseNo", "案件当前不在可安排调解的环节：" + c.caseNo());
    }
    Map<String, Object> v = new HashMap<>();
    v.put("mediationMode", r.mode());
    v.put("mediationAt", r.scheduledAt() == null ? null : r.scheduledAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    v.put("mediationPlace", r.place());
    v.put("meetingLink", r.meetingLink());
    v.put("externalMediatorKind", r.externalMediatorKind());
    v.put("externalMediatorName", r.externalMediatorName());
    v.put("courtStation", r.courtStation());
    completeAs(user, schedule, v);
    Long id = (Long) tasks.getVariable(task(caseNo, MediationProcess.Elements.HOLD).getId(), MediationProcess.Variables.MEDIATION_ID.name());
    MediationRepository.Mediation m = repository.mediation(id);
    return new ScheduledMediation(m.id(), m.caseNo(), m.mode().name(), m.scheduledAt(), m.mediatorGroup());
  }

  /** Records the session's outcome and, with an agreement, the agreement. */
  @Transactional
  public AgreementOutcome recordAgreement(String caseNo, AgreementRequest r, CurrentUser user) {
    visibleOpenCase(caseNo, user);
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    Task hold = task(caseNo, MediationProcess.Elements.HOLD);
    if (hold == null) {
      throw new ConflictException("caseNo", "案件当前没有待记录结果的调解：" + caseNo);
    }
    completeAs(user, hold, Map.of(MediationProcess.Variables.AGREEMENT_JSON.name(), agreements.toJson(r)));
    return repository.latestAgreement(caseNo).<AgreementOutcome>map(this::view)
        .orElseGet(() -> new NoAgreement(caseNo, "NO_AGREEMENT"));
  }

  @Transactional(readOnly = true)
  public AgreementView agreement(String caseNo, CurrentUser user) {
    visibleCase(caseNo, user);
    return repository.latestAgreement(caseNo).map(this::view)
        .orElseThrow(() -> new NotFoundException("本案尚无调解协议：" + caseNo));
  }

  /** The unit confirms (or reports missed) one instalment or action that is awaiting confirmation. */
  @Transactional
  public ItemView fulfilment(String caseNo, long obligationId, Integer seq, Boolean fulfilled, String evidence,
      CurrentUser user) {
    visibleCase(caseNo, user);
    MediationRepository.Obligation o = repository.obligation(obligationId);
    if (o == null || !repository.agreement(o.agreementId()).caseNo().equals(caseNo)) {
      throw new NotFoundException("本案没有该履行义务：" + obligationId);
    }
    List<FieldError> errors = new ArrayList<>();
    if (fulfilled == null) {
      errors.add(new FieldError("fulfilled", "请说明是否已履行"));
    }
    List<MediationRepository.Item> items = repository.items(obligationId);
    MediationRepository.Item item = seq == null && items.size() == 1 ? items.get(0)
        : items.stream().filter(i -> seq != null && i.seq() == seq).findFirst().orElse(null);
    if (item == null) {
      errors.add(new FieldError("seq", "请指定有效的期次"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Task task = agreements.openConfirmationTask(caseNo, item.id());
    if (task == null) {
      throw new ConflictException("seq", "该事项当前不在待核实状态（" + item.status() + "）");
    }
    completeAs(user, task, Map.of(AgreementFulfilment.Variables.ANSWER.name(), fulfilled ? "FULFILLED" : "MISSED",
        AgreementFulfilment.Variables.EVIDENCE.name(), evidence == null ? "" : evidence));
    return itemView(repository.item(item.id()));
  }

  private void completeAs(CurrentUser user, Task task, Map<String, Object> variables) {
    identity.setAuthentication(user.id(), user.groups(), user.tenants());
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task task(String caseNo, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).singleResult();
  }

  private CaseRow visibleCase(String caseNo, CurrentUser user) {
    CaseRow c = cases.find(caseNo).orElseThrow(() -> new NotFoundException("案件不存在：" + caseNo));
    if (!user.scope().canSee(c)) {
      throw new ForbiddenException("无权操作其他单位的案件：" + caseNo);
    }
    return c;
  }

  private CaseRow visibleOpenCase(String caseNo, CurrentUser user) {
    CaseRow c = visibleCase(caseNo, user);
    if (c.status() == CaseStatus.CLOSED || c.status() == CaseStatus.RESOLVED_FULFILLED || c.status() == CaseStatus.DUPLICATE) {
      throw new ConflictException("caseNo", "案件已办结，不能再组织调解：" + caseNo);
    }
    return c;
  }

  AgreementView view(MediationRepository.Agreement a) {
    Map<String, StoredParty> parties = new HashMap<>();
    cases.parties(a.caseNo()).forEach(p -> parties.put(String.valueOf(p.id()), p));
    List<ObligationView> obligations = new ArrayList<>();
    for (MediationRepository.Obligation o : repository.obligations(a.id())) {
      obligations.add(new ObligationView(o.id(), o.kind().name(), partyRef(parties.get(String.valueOf(o.obligorPartyId()))),
          partyRef(parties.get(String.valueOf(o.beneficiaryPartyId()))), o.description(), o.totalAmount(), o.status(),
          repository.items(o.id()).stream().map(this::itemView).toList()));
    }
    return new AgreementView(a.id(), a.caseNo(), a.status().name(), a.partial(), a.remote(), a.text(), a.level(),
        a.unitCode(), a.confirmationDeadline(), a.effectiveAt(), obligations);
  }

  private static PartyRef partyRef(StoredParty p) {
    return p == null ? null : new PartyRef(p.id(), p.role().name(), p.name());
  }

  ItemView itemView(MediationRepository.Item i) {
    return new ItemView(i.seq(), i.amount(), i.dueDate(), i.status().name(), i.graceUntil(), i.evidence(), i.confirmedAt());
  }
}
