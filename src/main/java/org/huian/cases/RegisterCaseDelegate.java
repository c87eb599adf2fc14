package org.huian.cases;

import org.huian.problem.InvalidRequestException;
import static org.huian.cases.CaseFunnel.Variables.CASE_NO;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of the funnel. A case taken in through {@code POST /api/cases} is already stored and
 * passes straight on. A case started from the Tasklist start form is checked here by the same
 * validator, stored, given its case number as business key, and the personal data the form
 * submitted is removed from the process variables.
 */
@Component
class RegisterCaseDelegate implements JavaDelegate {

  /**
   * Form fields kept in the tables, not in the engine: personal or free text data, and the routing
   * facts the decisions read from the case row ({@link CaseFacts}).
   */
  static final List<String> PARTY_PREFIXES = List.of("applicant", "respondent", "thirdParty");
  static final List<String> FORM_ONLY_FIELDS = java.util.stream.Stream.concat(
      java.util.stream.Stream.concat(java.util.stream.Stream.of("description", "address", "reporterName", "reporterPhone", "parties"),
          CaseFacts.NAMES.stream()),
      PARTY_PREFIXES.stream().flatMap(p -> java.util.stream.Stream.of(p + "Name", p + "Kind", p + "Phone"))).toList();

  private final CaseIntakeValidator validator;
  private final CaseIntakeService intake;
  private final CaseRepository cases;
  private final ObjectMapper json;

  RegisterCaseDelegate(CaseIntakeValidator validator, CaseIntakeService intake, CaseRepository cases, ObjectMapper json) {
    this.validator = validator;
    this.intake = intake;
    this.cases = cases;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = CASE_NO.optional(execution).orElse(null);
    if (caseNo == null) {
      CaseIntakeRequest request = fromForm(execution);
      ResolvedLocation location = validator.validate(request);
      CaseRow row = intake.store(request, location, intake.hash(request), CaseContext.actor(execution));
      caseNo = row.caseNo();
      execution.setProcessBusinessKey(caseNo);
      execution.setVariables(CaseIntakeService.processVariables(row));
      FORM_ONLY_FIELDS.forEach(execution::removeVariable);
    }
    cases.linkProcessInstance(caseNo, execution.getProcessInstanceId());
  }

  CaseIntakeRequest fromForm(DelegateExecution e) {
    boolean anonymous = Boolean.TRUE.equals(e.getVariable("reporterAnonymous"));
    return new CaseIntakeRequest(
        null,
        string(e, "channel"),
        string(e, "category"),
        string(e, "title"),
        string(e, "description"),
        new CaseIntakeRequest.Location(
            string(e, "gridId"), string(e, "communityCode"), string(e, "streetCode"),
            string(e, "address"), null, null),
        new CaseIntakeRequest.Reporter(string(e, "reporterName"), string(e, "reporterPhone"), anonymous),
        e.getVariable("parties") != null ? parties(e.getVariable("parties")) : fixedParties(e),
        integer(e.getVariable("peopleInvolved")),
        amount(e.getVariable("amountInvolved")),
        Boolean.TRUE.equals(e.getVariable("crossRegion")),
        Boolean.TRUE.equals(e.getVariable("crossDepartment")));
  }

  private static String string(DelegateExecution e, String name) {
    Object v = e.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString();
  }

  private static Integer integer(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    throw new InvalidRequestException("peopleInvolved", "涉及人数须为整数");
  }

  private static BigDecimal amount(Object v) {
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(v.toString());
    } catch (NumberFormatException ex) {
      throw new InvalidRequestException("amountInvolved", "涉及金额须为数字");
    }
  }

  /** The start form's three fixed party groups (applicant, respondent, third party); empty names are skipped. */
  static List<CaseIntakeRequest.Party> fixedParties(DelegateExecution e) {
    java.util.List<CaseIntakeRequest.Party> parties = new java.util.ArrayList<>();
    String[] roles = {"APPLICANT", "RESPONDENT", "THIRD_PARTY"};
    for (int i = 0; i < roles.length; i++) {
      String prefix = PARTY_PREFIXES.get(i);
      String name = string(e, prefix + "Name");
      if (name != null) {
        String kind = string(e, prefix + "Kind");
        parties.add(new CaseIntakeRequest.Party(roles[i], kind == null ? "PERSON" : kind, name, string(e, prefix + "Phone")));
      }
    }
    return parties;
  }

  /** A JSON list of parties (start form submitted through the REST API): a Spin JSON value, a JSON string or a list of maps. */
  private List<CaseIntakeRequest.Party> parties(Object v) {
    if (v == null) {
      return List.of();
    }
    try {
      String text = v instanceof String s ? s : json.writeValueAsString(v instanceof Map<?, ?> || v instanceof List<?> ? v : json.readTree(v.toString()));
      return json.readValue(text, new TypeReference<List<CaseIntakeRequest.Party>>() {});
    } catch (Exception ex) {
      throw new InvalidRequestException("parties", "当事人信息格式不正确");
    }
  }
}
