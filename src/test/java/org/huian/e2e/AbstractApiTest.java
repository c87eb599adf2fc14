package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.huian.cases.CaseFunnel;
import org.huian.e2e.HuianClient.Reply;
import org.huian.notification.NotificationOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Base of the end-to-end suites: the application on a random port with the job executor off, a
 * real-HTTP client, the engine clock under the test's control, and helpers to take in cases,
 * fire timers and run asynchronous steps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "huian.notifications.relay-interval=PT1H"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
abstract class AbstractApiTest {


  static final String ANDINGMEN = "110101004000";
  static final String ANDINGMEN_COMMUNITY = "110101004001";
  static final String ANDINGMEN_GRID = "110101004001-01";
  static final String QIANMEN = "110101011000";
  static final String STREET_USER = "street-andingmen";
  static final String OTHER_STREET_USER = "street-qianmen";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;
  @Autowired NotificationOutbox outbox;
  @Autowired org.huian.security.ProcessInstanceGrants grants;

  HuianClient client;
  Instant now;

  @BeforeEach
  void setUp() {
    client = new HuianClient(port);
    now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---------------------------------------------------------------------------------- helpers

  static Map<String, Object> body(Consumer<Map<String, Object>> change) {
    Map<String, Object> b = new HashMap<>();
    b.put("channel", "WINDOW");
    b.put("category", "NEIGHBOUR");
    b.put("title", "邻里噪音纠纷");
    b.put("description", "楼下商户夜间噪音扰民");
    b.put("location", new HashMap<>(Map.of("streetCode", ANDINGMEN, "address", "安定门内大街")));
    b.put("reporter", new HashMap<>(Map.of("name", "李明", "phone", "13812345678", "anonymous", false)));
    b.put("parties", List.of(Map.of("role", "APPLICANT", "kind", "PERSON", "name", "李明", "phone", "13812345678")));
    b.put("peopleInvolved", 1);
    b.put("amountInvolved", 0);
    b.put("crossRegion", false);
    b.put("crossDepartment", false);
    change.accept(b);
    return b;
  }

  /** A neighbour dispute a grid worker reports from the app in 安定门's first grid: enters at GRID. */
  static void gridAppNeighbourDispute(Map<String, Object> b) {
    b.put("category", "NEIGHBOUR");
    b.put("channel", "GRID_APP");
    location(b).put("gridId", ANDINGMEN_GRID);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> location(Map<String, Object> b) {
    return (Map<String, Object>) b.get("location");
  }

  JsonNode create(Consumer<Map<String, Object>> change) {
    Reply r = client.post(STREET_USER, "/api/cases", body(change));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.body();
  }

  JsonNode get(String caseNo) {
    Reply r = client.get("district", "/api/cases/" + caseNo);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body();
  }

  static List<String> types(JsonNode detail) {
    return detail.path("timeline").findValuesAsText("type");
  }

  long countCases() {
    return jdbc.sql("SELECT COUNT(*) FROM cases").query(Long.class).single();
  }

  String processInstance(String caseNo) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey(CaseFunnel.KEY).singleResult().getId();
  }

  Task handleTask(String caseNo) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("Task_HandleCase").singleResult();
  }

  void resolve(String caseNo, String actions) {
    assertThat(client.completeTask(STREET_USER, handleTask(caseNo).getId(),
        Map.of("actionsTaken", actions, "outcome", "RESOLVED")).status()).isEqualTo(204);
  }

  void returnVisit(String caseNo, String feedback) {
    Task visit = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("Task_ReturnVisit").singleResult();
    assertThat(client.completeTask(STREET_USER, visit.getId(), Map.of("feedback", feedback, "feedbackNote", "电话回访")).status())
        .isEqualTo(204);
  }

  /** Moves the engine clock past the timer, fires it, then runs the asynchronous steps it led to. */
  void fire(String processInstanceId, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers().singleResult();
    assertThat(job).as("timer %s", activityId).isNotNull();
    ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
    managementService.executeJob(job.getId());
    runAsyncJobs();
  }

  void runAsyncJobs() {
    for (int i = 0; i < 20; i++) {
      List<Job> jobs = managementService.createJobQuery().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }
}
