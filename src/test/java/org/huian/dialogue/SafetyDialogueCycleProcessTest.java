package org.huian.dialogue;

import org.huian.testsupport.DongchengTenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.huian.dialogue.DialogueCycle.Elements;
import org.huian.testsupport.ProcessModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Model test of {@code safety-dialogue-cycle.bpmn} with the real assessment DMN: four quarterly
 * bulletins then the review; a year started in the last quarter; every unit passing; units below
 * the admonition line called in for a talk.
 */
@Deployment(resources = {DialogueCycle.RESOURCE, DialogueCycle.ASSESSMENT_DMN, "forms/dialogue-review.form",
    "forms/dialogue-admonition.form"})
class SafetyDialogueCycleProcessTest extends ProcessModelTest {

  FakeDialogueDelegates fakes;
  int counter;

  @BeforeEach
  void setUp() {
    fakes = new FakeDialogueDelegates();
    fakes.register();
  }

  @Test
  void shouldDeploy() {
    assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(DialogueCycle.KEY)
        .count()).isEqualTo(1);
  }

  @Test
  void shouldIssueABulletinEveryQuarterAndCloseWithoutTalksWhenEveryUnitPasses() {
    ProcessInstance pi = start();
    for (int q = 1; q <= 3; q++) {
      BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.QUARTER_END);
      support.fire(pi.getId(), Elements.QUARTER_END);
    }
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.QUARTER_END);
    assertThat(support.tasks(pi.getBusinessKey(), Elements.REVIEW)).isEmpty();
    support.fire(pi.getId(), Elements.QUARTER_END);

    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.REVIEW);
    Task review = support.tasks(pi.getBusinessKey(), Elements.REVIEW).get(0);
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(l -> DialogueGroups.committee(DongchengTenant.DISTRICT).equals(l.getGroupId()));
    support.complete(pi.getBusinessKey(), Elements.REVIEW, Map.of("reviewSummary", "全年任务总体完成"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.ANNUAL_BULLETIN, Elements.CLOSE, Elements.END)
        .hasNotPassed(Elements.ADMONITION_TALK);
    assertThat(fakes.calls).containsExactly("open", "bulletin:Q1", "bulletin:Q2", "bulletin:Q3", "bulletin:Q4",
        "review:全年任务总体完成", "rated:110101004000:优秀:false", "rated:110101011000:合格:false",
        "annual:[]", "close");
  }

  @Test
  void shouldReachTheReviewAfterOneBulletinWhenTheYearStartsInTheLastQuarter() {
    fakes.startQuarter = 4;
    ProcessInstance pi = start();
    support.fire(pi.getId(), Elements.QUARTER_END);
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.REVIEW);
    assertThat(fakes.calls).containsExactly("open", "bulletin:Q4");
  }

  @Test
  void shouldCallInEveryUnitBelowTheAdmonitionLineAndCloseAfterTheTalks() {
    fakes.scores = new java.util.HashMap<>(Map.of("110101000000", 80.0, "110101004000", 45.0, "110101011000", 20.0));
    fakes.startQuarter = 4;
    ProcessInstance pi = start();
    support.fire(pi.getId(), Elements.QUARTER_END);
    support.complete(pi.getBusinessKey(), Elements.REVIEW, Map.of("reviewSummary", "总结"));

    assertThat(fakes.calls).contains("rated:110101000000:良好:false", "rated:110101004000:不合格:true",
        "rated:110101011000:不合格:true", "annual:[110101004000, 110101011000]");
    assertThat(support.tasks(pi.getBusinessKey(), Elements.ADMONITION_TALK)).hasSize(2);
    support.complete(pi.getBusinessKey(), Elements.ADMONITION_TALK, Map.of("admonitionDate", "2027-01-10", "admonitionNote", "限期整改"));
    BpmnAwareTests.assertThat(pi).isWaitingAt(Elements.ADMONITION_TALK);
    support.complete(pi.getBusinessKey(), Elements.ADMONITION_TALK, Map.of("admonitionDate", "2027-01-11", "admonitionNote", "限期整改"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.PREPARE_ADMONITION, Elements.RECORD_ADMONITION, Elements.CLOSE);
    assertThat(fakes.calls).filteredOn(c -> c.startsWith("admonished:")).hasSize(2);
    assertThat(fakes.calls.get(fakes.calls.size() - 1)).isEqualTo("close");
  }

  @Test
  void shouldGradeScoresByTheAssessmentTable() {
    Map<Double, String> expected = Map.of(100.0, "优秀:false", 90.0, "优秀:false", 89.9, "良好:false", 75.0, "良好:false",
        60.0, "合格:false", 59.9, "不合格:true", 0.0, "不合格:true");
    expected.forEach((score, grade) -> {
      Map<String, Object> r = processEngine.getDecisionService().evaluateDecisionTableByKey(DialogueCycle.ASSESSMENT_DECISION)
          .variables(Map.of("unitScore", score)).evaluate().getSingleResult().getEntryMap();
      assertThat(r.get("grade") + ":" + r.get("admonish")).as("score %s", score).isEqualTo(grade);
    });
  }

  private ProcessInstance start() {
    String key = "PAKT-" + (2000 + ++counter);
    return processEngine.getRuntimeService().startProcessInstanceByKey(DialogueCycle.KEY, key, Map.of("cycleNo", key));
  }
}
