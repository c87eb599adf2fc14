package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.huian.HuianApplication;
import org.huian.cases.CaseFunnel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deadlines are engine timers in the database: stop the application, start it again on the same
 * H2 file, and the timers are still there with the same due dates; once they are due, the job
 * executor of the new run fires them and the case escalates.
 */
class DeadlineTimersSurviveRestartTest {

  @TempDir Path dir;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldFireTheLevelDeadlineAfterARestart() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("huian") + ";DB_CLOSE_ON_EXIT=FALSE";
    assertThat(dir.resolve("huian.mv.db")).doesNotExist();
    String caseNo;
    Map<String, Date> dueBefore;
    try (ConfigurableApplicationContext first = start(url, false)) {
      HuianClient client = new HuianClient(port(first));
      HuianClient.Reply created = client.post("street-andingmen", "/api/cases", AbstractApiTest.body(AbstractApiTest::gridAppNeighbourDispute));
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      caseNo = created.body().path("caseNo").asText();
      dueBefore = timers(first, caseNo);
      assertThat(dueBefore).containsOnlyKeys(CaseFunnel.Elements.TIMER_LEVEL_WARNING, CaseFunnel.Elements.TIMER_LEVEL_DEADLINE);
    }

    Date deadline = dueBefore.get(CaseFunnel.Elements.TIMER_LEVEL_DEADLINE);
    assertThat(dir.resolve("huian.mv.db")).exists();
    try (ConfigurableApplicationContext second = start(url, false)) {
      assertThat(timers(second, caseNo)).isEqualTo(dueBefore);
    }

    ClockUtil.setCurrentTime(new Date(deadline.getTime() + 60_000));
    try (ConfigurableApplicationContext third = start(url, true)) {
      JdbcClient jdbc = third.getBean(JdbcClient.class);
      Instant until = Instant.now().plus(Duration.ofSeconds(60));
      String level = null;
      while (Instant.now().isBefore(until)) {
        level = jdbc.sql("SELECT level FROM cases WHERE case_no = ?").param(caseNo).query(String.class).single();
        if ("COMMUNITY".equals(level)) {
          break;
        }
        Thread.sleep(250);
      }
      assertThat(level).isEqualTo("COMMUNITY");
      assertThat(jdbc.sql("SELECT reason FROM escalations WHERE case_no = ?").param(caseNo).query(String.class).list())
          .containsExactly("DEADLINE");
    }
  }

  private static ConfigurableApplicationContext start(String url, boolean jobExecutor) {
    // command-line arguments, not builder properties: those are defaults that application.yaml overrides
    return new SpringApplicationBuilder(HuianApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=" + url,
        "--camunda.bpm.job-execution.enabled=" + jobExecutor,
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=500");
  }

  private static int port(ConfigurableApplicationContext app) {
    return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }

  private static Map<String, Date> timers(ConfigurableApplicationContext app, String caseNo) {
    String pi = app.getBean(RuntimeService.class).createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNo).processDefinitionKey(CaseFunnel.KEY).singleResult().getId();
    List<Job> jobs = app.getBean(ManagementService.class).createJobQuery().processInstanceId(pi).timers().list();
    return jobs.stream().collect(Collectors.toMap(j -> activityOf(app, j), Job::getDuedate));
  }

  private static String activityOf(ConfigurableApplicationContext app, Job job) {
    return app.getBean(ManagementService.class).createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId();
  }
}
