package org.huian.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

/**
 * The conventions of docs STYLE for every model in {@code processes/}: process id = file name,
 * history time to live, a diagram shape for every node, ids by prefix, Chinese names, and a
 * deployed Camunda Form behind every user task and start form. And the binding policy of
 * docs/designers.md: the decisions designers own bind {@code latest} with the district tenant
 * expression, called processes and forms bind {@code deployment} (a bundle travels together), and
 * every process and decision carries a release version tag.
 */
class ModelConventionsTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  /** The decisions process designers own and change alone from Modeler (docs/designers.md). */
  static final Set<String> DESIGNER_DECISIONS = Set.of("case-routing", "case-deadlines", "case-dispatch", "fulfilment-grace",
      "dialogue-assessment", "risk-colour");
  static final java.util.regex.Pattern RELEASE_TAG = java.util.regex.Pattern.compile("huian-\\d+\\.\\d+\\.\\d+");

  @Test
  void shouldFollowTheConventionsInEveryBpmn() throws IOException {
    Set<String> formIds = formIds();
    List<String> problems = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(PROCESSES)) {
      files = s.filter(p -> p.toString().endsWith(".bpmn")).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Process process = model.getModelElementsByType(Process.class).iterator().next();
      String name = file.getFileName().toString().replace(".bpmn", "");
      if (!process.getId().equals(name)) {
        problems.add(file + ": process id " + process.getId() + " is not the file name");
      }
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(file + ": no historyTimeToLive");
      }
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
      for (FlowElement e : model.getModelElementsByType(FlowElement.class)) {
        String prefix = e.getId().split("_")[0];
        if (!Set.of("StartEvent", "EndEvent", "Task", "Gateway", "Flow", "Timer", "CallActivity", "SubProcess", "Message", "Error").contains(prefix)) {
          problems.add(file + ": id " + e.getId() + " does not follow the prefix convention");
        }
        if (e instanceof FlowNode && !drawn.contains(e.getId())) {
          problems.add(file + ": " + e.getId() + " has no diagram shape");
        }
        if (e instanceof FlowNode && (e.getName() == null || !e.getName().codePoints().anyMatch(c -> c > 0x4E00))) {
          problems.add(file + ": " + e.getId() + " has no Chinese name");
        }
        if (e instanceof SequenceFlow f && f.getConditionExpression() != null && !f.getId().startsWith("Flow_")) {
          problems.add(file + ": conditional flow " + f.getId());
        }
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        checkForm(problems, file, task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formIds);
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getParentElement() == process && name.equals(CaseFunnel.KEY)) {
          checkForm(problems, file, start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), formIds);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldUseEveryFormOfTheProject() throws IOException {
    Set<String> referenced = new HashSet<>();
    try (Stream<Path> s = Files.list(PROCESSES)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(p);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(xml);
        while (m.find()) {
          referenced.add(m.group(1));
        }
      }
    }
    assertThat(referenced).containsExactlyInAnyOrderElementsOf(formIds());
  }

  @Test
  void shouldBindByTheDocumentedPolicyAndTagEveryModelWithItsRelease() throws IOException {
    List<String> problems = new ArrayList<>();
    Set<String> processIds = new HashSet<>();
    try (Stream<Path> s = Files.list(PROCESSES)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        processIds.add(p.getFileName().toString().replace(".bpmn", ""));
      }
    }
    Set<String> decisions = new HashSet<>();
    try (Stream<Path> s = Files.list(PROCESSES)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        org.camunda.bpm.model.dmn.DmnModelInstance dmn = org.camunda.bpm.model.dmn.Dmn.readModelFromFile(p.toFile());
        for (org.camunda.bpm.model.dmn.instance.Decision d : dmn.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)) {
          decisions.add(d.getId());
          if (!DESIGNER_DECISIONS.contains(d.getId())) {
            problems.add(p + ": decision " + d.getId() + " is not in the binding policy of docs/designers.md");
          }
          if (d.getVersionTag() == null || !RELEASE_TAG.matcher(d.getVersionTag()).matches()) {
            problems.add(p + ": decision " + d.getId() + " has no release version tag (camunda:versionTag=\"huian-x.y.z\")");
          }
        }
      }
    }
    assertThat(decisions).containsExactlyInAnyOrderElementsOf(DESIGNER_DECISIONS);
    try (Stream<Path> s = Files.list(PROCESSES)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        problems.addAll(policyProblems(p.toString(), Bpmn.readModelFromFile(p.toFile()), processIds, decisions));
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldReportEveryKindOfPolicyViolation() {
    BpmnModelInstance funnel = Bpmn.readModelFromFile(PROCESSES.resolve("case-funnel.bpmn").toFile());
    Set<String> processIds = Set.of(CaseFunnel.KEY, CaseHandling.KEY, "agreement-fulfilment");
    assertThat(policyProblems("case-funnel.bpmn", funnel, processIds, DESIGNER_DECISIONS)).isEmpty();
    org.camunda.bpm.model.bpmn.instance.BusinessRuleTask route = funnel.getModelElementById(CaseFunnel.Elements.ROUTE);
    route.setCamundaDecisionRefBinding("deployment");
    org.camunda.bpm.model.bpmn.instance.BusinessRuleTask deadline = funnel.getModelElementById(CaseFunnel.Elements.DETERMINE_DEADLINE);
    deadline.setCamundaDecisionRefTenantId(null);
    org.camunda.bpm.model.bpmn.instance.CallActivity handle = funnel.getModelElementById(CaseFunnel.Elements.HANDLE_AT_LEVEL);
    handle.setCamundaCalledElementBinding("latest");
    funnel.getModelElementsByType(Process.class).iterator().next().setCamundaVersionTag(null);
    assertThat(policyProblems("case-funnel.bpmn", funnel, processIds, DESIGNER_DECISIONS)).hasSize(4)
        .anyMatch(p -> p.contains(CaseFunnel.Elements.ROUTE) && p.contains("latest"))
        .anyMatch(p -> p.contains(CaseFunnel.Elements.DETERMINE_DEADLINE) && p.contains("decisionRefTenantId"))
        .anyMatch(p -> p.contains(CaseFunnel.Elements.HANDLE_AT_LEVEL) && p.contains("deployment"))
        .anyMatch(p -> p.contains("version tag"));
  }

  /**
   * The policy for one BPMN: a business rule task binds a designer's decision {@code latest} with
   * {@code ${districtDecisions.tenantFor(execution, '<key>')}}; a call activity binds a process of
   * {@code processes/} by {@code deployment}; the process carries a release version tag.
   */
  static List<String> policyProblems(String file, BpmnModelInstance model, Set<String> processIds, Set<String> decisions) {
    List<String> problems = new ArrayList<>();
    for (Process p : model.getModelElementsByType(Process.class)) {
      if (p.getCamundaVersionTag() == null || !RELEASE_TAG.matcher(p.getCamundaVersionTag()).matches()) {
        problems.add(file + ": process " + p.getId() + " has no release version tag (camunda:versionTag=\"huian-x.y.z\")");
      }
    }
    for (org.camunda.bpm.model.bpmn.instance.BusinessRuleTask t
        : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BusinessRuleTask.class)) {
      String key = t.getCamundaDecisionRef();
      if (!decisions.contains(key)) {
        problems.add(file + ": " + t.getId() + " calls decision " + key + ", which is not a designer's decision in processes/");
      }
      if (!"latest".equals(t.getCamundaDecisionRefBinding())) {
        problems.add(file + ": " + t.getId() + " must bind decision " + key + " latest, so a table deployed alone takes effect");
      }
      String tenant = "${districtDecisions.tenantFor(execution, '" + key + "')}";
      if (!tenant.equals(t.getCamundaDecisionRefTenantId())) {
        problems.add(file + ": " + t.getId() + " must set camunda:decisionRefTenantId=\"" + tenant + "\" (a district's own table)");
      }
    }
    for (org.camunda.bpm.model.bpmn.instance.CallActivity c
        : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class)) {
      if (!processIds.contains(c.getCalledElement())) {
        problems.add(file + ": " + c.getId() + " calls " + c.getCalledElement() + ", which is not in processes/");
      }
      if (!"deployment".equals(c.getCamundaCalledElementBinding())) {
        problems.add(file + ": " + c.getId() + " must bind its called process by deployment (the bundle travels together)");
      }
    }
    return problems;
  }

  @Test
  void shouldGroupTheModelsIntoTheBundlesDocumentedForDesigners() throws IOException {
    java.util.Map<String, byte[]> all = new java.util.TreeMap<>();
    for (Path dir : List.of(PROCESSES, FORMS)) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.toList()) {
          all.put(dir.getFileName() + "/" + p.getFileName(), Files.readAllBytes(p));
        }
      }
    }
    List<Set<String>> bundles = new org.huian.modeling.ModelFiles(all).bundles();
    assertThat(bundles).contains(
        Set.of("processes/case-funnel.bpmn", "processes/case-handling.bpmn", "processes/mediation.bpmn",
            "processes/agreement-fulfilment.bpmn", "forms/case-intake.form", "forms/return-visit.form",
            "forms/supervision-order.form", "forms/case-handle.form", "forms/complexity-approval.form",
            "forms/mediation-schedule.form", "forms/mediation-record.form", "forms/fulfilment-confirm.form"),
        Set.of("processes/safety-health-report.bpmn", "processes/targeted-supervision.bpmn", "forms/targeted-supervision.form"),
        Set.of("processes/safety-dialogue-cycle.bpmn", "forms/dialogue-review.form", "forms/dialogue-admonition.form"),
        Set.of("processes/dialogue-task.bpmn", "forms/dialogue-progress.form", "forms/dialogue-coordination.form"),
        Set.of("processes/dialogue-roster.bpmn", "forms/dialogue-officer.form"));
    for (String dmn : DESIGNER_DECISIONS) {
      assertThat(bundles).as("a decision designers own is deployed alone").contains(Set.of("processes/" + dmn + ".dmn"));
    }
    assertThat(bundles).hasSize(5 + DESIGNER_DECISIONS.size());
  }

  private static void checkForm(List<String> problems, Path file, String id, String formRef, String binding, Set<String> formIds) {
    if (formRef == null) {
      problems.add(file + ": " + id + " has no camunda:formRef");
    } else if (!formIds.contains(formRef)) {
      problems.add(file + ": " + id + " refers to form " + formRef + ", which no forms/*.form defines");
    } else if (!"deployment".equals(binding)) {
      problems.add(file + ": " + id + " must bind its form by deployment");
    }
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> s = Files.list(FORMS)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = json.readTree(p.toFile());
        assertThat(form.path("schemaVersion").asInt()).as(p.toString()).isLessThanOrEqualTo(16);
        ids.add(form.path("id").asText());
      }
    }
    return ids;
  }
}
