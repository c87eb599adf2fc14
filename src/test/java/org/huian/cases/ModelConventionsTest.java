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
 * deployed Camunda Form behind every user task and start form.
 */
class ModelConventionsTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");

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
