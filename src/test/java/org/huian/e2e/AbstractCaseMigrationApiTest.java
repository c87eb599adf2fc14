package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.huian.cases.CaseFunnel;
import org.huian.cases.CaseHandling;
import org.huian.e2e.HuianClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Moving running cases to a new version of the case processes, over real HTTP. Five cases wait on
 * version 1 at different points (handling at a street, the return visit, a complexity approval, a
 * grid level past its warning, a district breach under supervision). A designer deploys version 2
 * of the case bundle, whose handling has a new user task (复核化解结果) before the case goes back to
 * the return visit; an administrator migrates case-handling and case-funnel, first as a dry run;
 * then every case completes on version 2, every timer kept its due date, and no deadline fired
 * twice or was lost. An instance waiting in the new task cannot go back to version 1, and the
 * report says why, until an explicit mapping places it.
 */
abstract class AbstractCaseMigrationApiTest extends AbstractApiTest {

  static final String REVIEW = "Task_ReviewResolution";
  static final String MIGRATIONS = "/api/admin/migrations";

  @Autowired RepositoryService repositoryService;

  /** case-handling.bpmn with a review by the unit's leaders between recording the resolution and its end. */
  static byte[] handlingWithReview() {
    BpmnModelInstance m = Bpmn.readModelFromStream(new ByteArrayInputStream(AbstractDesignerApiTest.model(CaseHandling.RESOURCE)));
    SequenceFlow old = m.getModelElementById("Flow_ResolutionRecorded");
    FlowNode record = old.getSource();
    FlowNode end = old.getTarget();
    record.getOutgoing().remove(old);
    end.getIncoming().remove(old);
    for (BpmnEdge e : m.getModelElementsByType(BpmnEdge.class)) {
      if (e.getBpmnElement() == old) {
        e.getParentElement().removeChildElement(e);
      }
    }
    old.getParentElement().removeChildElement(old);
    ((ServiceTask) record).builder().userTask(REVIEW).name("复核化解结果").camundaFormRef("resolution-review")
        .camundaFormRefBinding("deployment").camundaCandidateGroups("${supervisorGroup}").connectTo(end.getId());
    m.getModelElementsByType(Process.class).iterator().next().setCamundaVersionTag("huian-0.2.1");
    return Bpmn.convertToString(m).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] tagged(String resource, String tag) {
    return AbstractDesignerApiTest.text(resource).replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + tag + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Version 2 of the case bundle as a designer deploys it from Modeler: the four processes and their forms. */
  Reply deployVersion2() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("case-funnel.bpmn", tagged(CaseFunnel.RESOURCE, "huian-0.2.1"));
    files.put("case-handling.bpmn", handlingWithReview());
    files.put("mediation.bpmn", AbstractDesignerApiTest.model("processes/mediation.bpmn"));
    files.put("agreement-fulfilment.bpmn", AbstractDesignerApiTest.model("processes/agreement-fulfilment.bpmn"));
    for (String form : List.of("case-intake", "return-visit", "supervision-order", "case-handle", "complexity-approval",
        "mediation-schedule", "mediation-record", "fulfilment-confirm")) {
      files.put(form + ".form", AbstractDesignerApiTest.model("forms/" + form + ".form"));
    }
    files.put("resolution-review.form", AbstractDesignerApiTest.model("designer/resolution-review.form"));
    return client.postMultipart("designer", "/engine-rest/deployment/create",
        Map.of("deployment-name", "本级处置增加复核", "deployment-source", "Camunda Modeler"), files);
  }

  Map<String, Date> timers(String caseNo) {
    return managementService.createJobQuery().processInstanceId(processInstance(caseNo)).timers().list().stream()
        .collect(Collectors.toMap(Job::getId, Job::getDuedate));
  }

  Task task(String caseNo, String activity) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(activity).singleResult();
  }

  void complete(String caseNo, String activity, Map<String, Object> variables) {
    Task t = task(caseNo, activity);
    assertThat(t).as("%s waits in %s", caseNo, activity).isNotNull();
    taskService.complete(t.getId(), variables);
    runAsyncJobs();
  }

  void resolveReviewVisitAndClose(String caseNo) {
    complete(caseNo, CaseHandling.Elements.HANDLE, Map.of("actionsTaken", "调解完毕", "outcome", "RESOLVED"));
    Task review = task(caseNo, REVIEW);
    assertThat(review).as("%s: version 2's new step", caseNo).isNotNull();
    assertThat(repositoryService.getProcessDefinition(review.getProcessDefinitionId()).getVersionTag()).isEqualTo("huian-0.2.1");
    complete(caseNo, REVIEW, Map.of("reviewNote", "经复核，化解属实"));
    complete(caseNo, CaseFunnel.Elements.RETURN_VISIT, Map.of("feedback", "SATISFIED", "feedbackNote", "电话回访"));
    assertThat(get(caseNo).path("status").asText()).as(caseNo).isEqualTo("CLOSED");
  }

  Reply migrate(String key, int from, int to, boolean dryRun, List<Map<String, String>> mapping) {
    Map<String, Object> body = new HashMap<>(Map.of("processKey", key, "fromVersion", from, "toVersion", to, "dryRun", dryRun));
    if (mapping != null) {
      body.put("mapping", mapping);
    }
    return client.post("admin", MIGRATIONS, body);
  }

  int latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId().latestVersion()
        .singleResult().getVersion();
  }

  @Test
  void shouldMoveCasesWaitingAtSeveralPointsToVersion2AndCompleteThemThere() {
    int from = latest(CaseFunnel.KEY);
    assertThat(latest(CaseHandling.KEY)).as("the bundle's processes share their version numbers").isEqualTo(from);
    int to = from + 1;
    // ------------------------------------------------------------------- five cases on version 1
    String atStreet = create(b -> b.put("category", "LABOUR")).path("caseNo").asText();
    String atVisit = create(b -> b.put("category", "LABOUR")).path("caseNo").asText();
    complete(atVisit, CaseHandling.Elements.HANDLE, Map.of("actionsTaken", "已协调", "outcome", "RESOLVED"));
    String atApproval = create(b -> b.put("category", "WAGE_ARREARS")).path("caseNo").asText();
    complete(atApproval, CaseHandling.Elements.HANDLE, Map.of("actionsTaken", "核对欠薪", "outcome", "REQUEST_COMPLEX",
        "outcomeReason", "业主方在外地"));
    String atGrid = create(AbstractApiTest::gridAppNeighbourDispute).path("caseNo").asText();
    fire(processInstance(atGrid), CaseFunnel.Elements.TIMER_LEVEL_WARNING);
    String atDistrict = create(b -> b.put("crossDepartment", true)).path("caseNo").asText();
    fire(processInstance(atDistrict), CaseFunnel.Elements.TIMER_DISTRICT_WARNING);
    fire(processInstance(atDistrict), CaseFunnel.Elements.TIMER_DISTRICT_DEADLINE);
    List<String> all = List.of(atStreet, atVisit, atApproval, atGrid, atDistrict);
    assertThat(task(atVisit, CaseFunnel.Elements.RETURN_VISIT)).isNotNull();
    assertThat(task(atApproval, CaseHandling.Elements.APPROVE_COMPLEXITY)).isNotNull();
    assertThat(task(atDistrict, CaseFunnel.Elements.SUPERVISE_CASE)).isNotNull();
    Map<String, Map<String, Date>> timersBefore = new HashMap<>();
    all.forEach(c -> timersBefore.put(c, timers(c)));
    assertThat(timersBefore.get(atStreet)).hasSize(2);
    assertThat(timersBefore.get(atGrid)).as("the warning has fired").hasSize(1);

    // -------------------------------------------------------- version 2, deployed by a designer
    Reply deployed = deployVersion2();
    assertThat(deployed.status()).as(deployed.raw()).isEqualTo(200);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(CaseHandling.KEY).latestVersion()
        .singleResult().getVersionTag()).isEqualTo("huian-0.2.1");
    assertThat(client.post("designer", MIGRATIONS, Map.of("processKey", "case-handling", "fromVersion", 1, "toVersion", 2)).status())
        .as("migration is the administrator's").isEqualTo(403);

    // ------------------------------------------------------------------------------- dry run
    Reply dry = migrate(CaseHandling.KEY, from, to, true, null);
    assertThat(dry.status()).as(dry.raw()).isEqualTo(200);
    assertThat(dry.body().path("dryRun").asBoolean()).isTrue();
    assertThat(dry.body().path("total").asInt()).as("handling runs for four cases (the visit's has ended)").isEqualTo(4);
    assertThat(dry.body().path("migrated").asInt()).isEqualTo(4);
    assertThat(dry.body().path("failed").asInt()).isZero();
    assertThat(dry.body().path("instructions").findValuesAsText("from")).contains(CaseHandling.Elements.HANDLE,
        CaseHandling.Elements.APPROVE_COMPLEXITY);
    assertThat(dry.body().path("instances").findValuesAsText("caseNo")).containsExactlyInAnyOrder(atStreet, atApproval, atGrid, atDistrict);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CaseHandling.KEY).list())
        .filteredOn(p -> all.contains(p.getBusinessKey()))
        .as("a dry run moves nothing").allMatch(p -> repositoryService.getProcessDefinition(p.getProcessDefinitionId()).getVersion() == from);
    assertThat(types(get(atStreet))).doesNotContain("MIGRATED");

    // ------------------------------------------------------------------------------- migrate
    java.util.Set<String> endedBefore = historyService.createHistoricProcessInstanceQuery().finished().list().stream()
        .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    Reply handling = migrate(CaseHandling.KEY, from, to, false, null);
    assertThat(handling.status()).as(handling.raw()).isEqualTo(200);
    assertThat(handling.body().path("migrated").asInt()).isEqualTo(4);
    Reply funnel = migrate(CaseFunnel.KEY, from, to, false, null);
    assertThat(funnel.status()).as(funnel.raw()).isEqualTo(200);
    assertThat(funnel.body().path("total").asInt()).isEqualTo(5);
    assertThat(funnel.body().path("migrated").asInt()).isEqualTo(5);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CaseHandling.KEY).list())
        .allMatch(p -> repositoryService.getProcessDefinition(p.getProcessDefinitionId()).getVersion() == to);
    for (String c : all) {
      assertThat(timers(c)).as("%s keeps its timers and their due dates", c).isEqualTo(timersBefore.get(c));
      JsonNode migrated = get(c).path("timeline");
      List<JsonNode> entries = new java.util.ArrayList<>();
      migrated.forEach(entries::add);
      assertThat(entries.stream().filter(e -> e.path("type").asText().equals("MIGRATED")).map(e -> e.path("note").asText()))
          .as(c).anyMatch(n -> n.contains("流程 case-funnel 由第 " + from + " 版（" + (from == 1 ? "huian-0.3.0" : "huian-0.2.1") + "）迁移到第 " + to
              + " 版（huian-0.2.1）"));
      assertThat(entries.get(entries.size() - 1).path("actor").asText()).isEqualTo("admin");
    }

    // ------------------------------------------------------------- every case completes on v2
    resolveReviewVisitAndClose(atStreet);
    complete(atVisit, CaseFunnel.Elements.RETURN_VISIT, Map.of("feedback", "SATISFIED", "feedbackNote", "电话回访"));
    assertThat(get(atVisit).path("status").asText()).isEqualTo("CLOSED");
    complete(atApproval, CaseHandling.Elements.APPROVE_COMPLEXITY, Map.of("complexityDecision", "APPROVE"));
    assertThat(get(atApproval).path("complexity").asText()).isEqualTo("COMPLEX");
    assertThat(timers(atApproval)).as("the new 30-day deadline and its warning").hasSize(2);
    resolveReviewVisitAndClose(atApproval);

    String gridDeadlineJob = timersBefore.get(atGrid).keySet().iterator().next();
    fire(processInstance(atGrid), CaseFunnel.Elements.TIMER_LEVEL_DEADLINE);
    assertThat(get(atGrid).path("level").asText()).as("the kept deadline fired on version 2").isEqualTo("COMMUNITY");
    resolveReviewVisitAndClose(atGrid);

    complete(atDistrict, CaseFunnel.Elements.SUPERVISE_CASE, Map.of("supervisionInstruction", "三日内办结"));
    resolveReviewVisitAndClose(atDistrict);

    for (String c : all) {
      String pi = get(c).path("processInstanceId").asText();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(c).count()).as(c).isZero();
      assertThat(managementService.createJobQuery().processInstanceId(pi).count()).as("%s: no timer left behind", c).isZero();
      Map<String, Long> runs = historyService.createHistoricJobLogQuery().processInstanceId(pi).successLog().list().stream()
          .collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting()));
      assertThat(runs.values()).as("%s: every job ran at most once", c).allMatch(n -> n == 1);
      for (HistoricProcessInstance h : historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(c).list()) {
        if (!endedBefore.contains(h.getId())) {
          assertThat(repositoryService.getProcessDefinition(h.getProcessDefinitionId()).getVersion())
              .as("%s: %s ended on version 2", c, h.getProcessDefinitionKey()).isEqualTo(to);
        }
      }
    }
    assertThat(historyService.createHistoricJobLogQuery().jobId(gridDeadlineJob).successLog().count()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM escalations WHERE case_no = ?").param(atGrid).query(Long.class).single())
        .as("the grid's deadline escalated once").isEqualTo(1);
    for (String c : List.of(atStreet, atVisit, atApproval, atDistrict)) {
      assertThat(jdbc.sql("SELECT COUNT(*) FROM escalations WHERE case_no = ?").param(c).query(Long.class).single()).as(c).isZero();
    }
  }

  @Test
  void shouldReportAnInstanceThatCannotMoveBackAndWhyUntilAMappingPlacesIt() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(CaseHandling.KEY).count() == 1) {
      assertThat(deployVersion2().status()).isEqualTo(200);
    }
    int v2 = repositoryService.createProcessDefinitionQuery().processDefinitionKey(CaseHandling.KEY).latestVersion()
        .singleResult().getVersion();
    String inReview = create(b -> b.put("category", "LABOUR")).path("caseNo").asText();
    complete(inReview, CaseHandling.Elements.HANDLE, Map.of("actionsTaken", "已协调", "outcome", "RESOLVED"));
    assertThat(task(inReview, REVIEW)).isNotNull();
    String inHandling = create(b -> b.put("category", "LABOUR")).path("caseNo").asText();

    Reply back = migrate(CaseHandling.KEY, v2, 1, true, null);
    assertThat(back.status()).as(back.raw()).isEqualTo(200);
    Map<String, JsonNode> byCase = new HashMap<>();
    back.body().path("instances").forEach(i -> byCase.put(i.path("caseNo").asText(), i));
    assertThat(byCase.get(inHandling).path("migrated").asBoolean()).isTrue();
    JsonNode stuck = byCase.get(inReview);
    assertThat(stuck.path("migrated").asBoolean()).isFalse();
    assertThat(stuck.path("activities").toString()).contains(REVIEW);
    assertThat(stuck.path("reasons").get(0).asText()).contains("实例停留在活动 " + REVIEW + "（复核化解结果）")
        .contains("目标版本中没有与之对应的活动").contains("mapping");
    assertThat(back.body().path("failed").asInt()).isGreaterThanOrEqualTo(1);

    Reply mapped = migrate(CaseHandling.KEY, v2, 1, true, List.of(Map.of("from", REVIEW, "to", CaseHandling.Elements.HANDLE)));
    assertThat(mapped.status()).as(mapped.raw()).isEqualTo(200);
    assertThat(mapped.body().path("failed").asInt()).isZero();
    assertThat(mapped.body().path("instructions").toString()).contains("\"from\":\"" + REVIEW + "\",\"to\":\"" + CaseHandling.Elements.HANDLE + "\"");
    assertThat(task(inReview, REVIEW)).as("still a dry run").isNotNull();

    Reply badPair = migrate(CaseHandling.KEY, v2, 1, true, List.of(Map.of("from", REVIEW, "to", "Task_NoSuchTask")));
    assertThat(badPair.status()).as(badPair.raw()).isEqualTo(400);
    assertThat(badPair.body().path("errors").findValuesAsText("message").toString()).contains("映射 " + REVIEW + " → Task_NoSuchTask 无效");
    assertThat(migrate(CaseHandling.KEY, 1, 99, true, null).status()).isEqualTo(404);
    assertThat(client.post("admin", MIGRATIONS, Map.of("processKey", "not-huian", "fromVersion", 1, "toVersion", 2)).status())
        .isEqualTo(400);

    // both cases finish where they are, on version 2
    complete(inReview, REVIEW, Map.of("reviewNote", "经复核，化解属实"));
    complete(inReview, CaseFunnel.Elements.RETURN_VISIT, Map.of("feedback", "SATISFIED", "feedbackNote", "电话回访"));
    resolveReviewVisitAndClose(inHandling);
    assertThat(get(inReview).path("status").asText()).isEqualTo("CLOSED");
  }
}
