package org.huian.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.huian.testsupport.ProcessModelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Model test of {@code dialogue-roster.bpmn}: the roster form's start saves the officer and keeps only the number. */
@Deployment(resources = {DialogueRoster.RESOURCE, "forms/dialogue-officer.form"})
class DialogueRosterProcessTest extends ProcessModelTest {

  FakeDialogueDelegates fakes;

  @BeforeEach
  void setUp() {
    fakes = new FakeDialogueDelegates();
    fakes.register();
  }

  @Test
  void shouldSaveTheOfficerFromTheStartForm() {
    String definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(DialogueRoster.KEY).singleResult().getId();
    ProcessInstance pi = processEngine.getFormService().submitStartForm(definition, Map.of(
        "officerName", "王法官", "officerOrganisation", "COURT", "officerRole", "员额法官", "officerContact", "010-64000000",
        "officerStreet", "110101004000"));

    BpmnAwareTests.assertThat(pi).isEnded().hasPassed(DialogueRoster.Elements.SAVE, DialogueRoster.Elements.END);
    assertThat(fakes.calls).containsExactly("officer:王法官:110101004000");
  }
}
