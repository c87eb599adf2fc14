package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.huian.HuianApplication;
import org.huian.modeling.ModelDeployer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restart and upgrade precedence on one database (an H2 file, then PostgreSQL): a designer's deployment survives restarts of the
 * same release (nothing is redeployed); a new release whose classpath model changed deploys that
 * model alone, supersedes the designer's version and says so in a warning; every other model,
 * the designer's among them, is left as it was.
 */
@ExtendWith(OutputCaptureExtension.class)
class DesignerVersionSurvivesRestartTest {

  @TempDir Path dir;

  @org.junit.jupiter.api.BeforeEach
  void pinClock() {
    // createdAt and the level's start are then the same instant, so the deadline is exactly the time allowed
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
  }

  @org.junit.jupiter.api.AfterEach
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void shouldKeepADesignersVersionOverRestartsAndLetANewReleaseSupersedeItWithAWarning(CapturedOutput output) throws IOException {
    restartsAndARelease("jdbc:h2:file:" + dir.resolve("huian") + ";DB_CLOSE_ON_EXIT=FALSE", output);
  }

  @Test
  void shouldDoTheSameOnPostgresql(CapturedOutput output) throws IOException {
    restartsAndARelease(EmbeddedPostgres.newDatabase("huian_restart"), output);
  }

  private void restartsAndARelease(String url, CapturedOutput output) throws IOException {
    int designersVersion;
    try (ConfigurableApplicationContext first = start(url, null)) {
      HuianClient client = new HuianClient(port(first));
      HuianClient.Reply deployed = client.postMultipart("designer", "/engine-rest/deployment/create",
          Map.of("deployment-name", "case-deadlines", "deployment-source", "Camunda Modeler"),
          "case-deadlines.dmn", AbstractDesignerApiTest.gridDeadline("P2D", "designer-grid-2d"));
      assertThat(deployed.status()).as(deployed.raw()).isEqualTo(200);
      assertThat(gridDeadline(client)).isEqualTo(Duration.ofDays(2));
      designersVersion = latest(first, "case-deadlines").getVersion();
    }

    try (ConfigurableApplicationContext second = start(url, null)) {
      ModelDeployer.Outcome outcome = second.getBean(ModelDeployer.class).lastOutcome();
      assertThat(outcome.deployed()).as("the same release deploys nothing").isEmpty();
      DecisionDefinition effective = latest(second, "case-deadlines");
      assertThat(effective.getVersion()).isEqualTo(designersVersion);
      assertThat(effective.getVersionTag()).isEqualTo("designer-grid-2d");
      assertThat(gridDeadline(new HuianClient(port(second)))).as("the designer's rule after the restart").isEqualTo(Duration.ofDays(2));
    }

    // a new release: the packaged case-deadlines.dmn changed (the grid gets four days), nothing else did
    Path release = dir.resolve("release");
    copyModels(release);
    Files.writeString(release.resolve("processes/case-deadlines.dmn"),
        new String(AbstractDesignerApiTest.gridDeadline("P4D", "huian-0.2.1"), StandardCharsets.UTF_8));
    int routingVersion;
    try (ConfigurableApplicationContext third = start(url, release.toUri().toString())) {
      ModelDeployer.Outcome outcome = third.getBean(ModelDeployer.class).lastOutcome();
      assertThat(outcome.deployed()).containsExactly("processes/case-deadlines.dmn");
      assertThat(outcome.superseded()).hasSize(1);
      assertThat(outcome.superseded().get(0)).contains("processes/case-deadlines.dmn changed in this release")
          .contains("supersedes version " + designersVersion + " of case-deadlines (tag designer-grid-2d)")
          .contains("deployed by designer from Camunda Modeler").contains("scripts/pull-model.sh case-deadlines " + designersVersion);
      assertThat(output.getOut()).contains("WARN").contains("supersedes version " + designersVersion + " of case-deadlines");
      DecisionDefinition effective = latest(third, "case-deadlines");
      assertThat(effective.getVersion()).isEqualTo(designersVersion + 1);
      assertThat(effective.getVersionTag()).isEqualTo("huian-0.2.1");
      assertThat(gridDeadline(new HuianClient(port(third)))).isEqualTo(Duration.ofDays(4));
      routingVersion = latest(third, "case-routing").getVersion();
      assertThat(routingVersion).as("an unchanged model is not redeployed").isEqualTo(1);
    }

    try (ConfigurableApplicationContext fourth = start(url, release.toUri().toString())) {
      assertThat(fourth.getBean(ModelDeployer.class).lastOutcome().deployed()).isEmpty();
      assertThat(latest(fourth, "case-deadlines").getVersion()).isEqualTo(designersVersion + 1);
    }
  }

  private static Duration gridDeadline(HuianClient client) {
    HuianClient.Reply r = client.post("street-andingmen", "/api/cases", AbstractApiTest.body(AbstractApiTest::gridAppNeighbourDispute));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    JsonNode c = r.body();
    return Duration.between(Instant.parse(c.path("createdAt").asText()), Instant.parse(c.path("deadline").asText()));
  }

  private static DecisionDefinition latest(ConfigurableApplicationContext app, String key) {
    return app.getBean(RepositoryService.class).createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId()
        .latestVersion().singleResult();
  }

  /** The release's models as files, as a new jar would carry them. */
  private static void copyModels(Path release) throws IOException {
    for (String folder : List.of("processes", "forms")) {
      Path target = Files.createDirectories(release.resolve(folder));
      List<Path> files = new ArrayList<>();
      try (var s = Files.list(Path.of(folder))) {
        s.forEach(files::add);
      }
      for (Path f : files) {
        Files.copy(f, target.resolve(f.getFileName().toString()));
      }
    }
  }

  private static ConfigurableApplicationContext start(String url, String models) {
    // each start a minute later on the frozen engine clock: deployments are stamped with it, and the
    // application's last deployment of a file is the one with the latest time (equal times tie, and
    // PostgreSQL then returned the older one)
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(
        new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + 60_000));
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + (url.startsWith("jdbc:postgresql") ? "postgres" : "sa"),
        "--spring.datasource.password=",
        "--camunda.bpm.job-execution.enabled=false"));
    if (models != null) {
      args.add("--huian.models.location=" + models);
    }
    return new SpringApplicationBuilder(HuianApplication.class).run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext app) {
    return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }
}
