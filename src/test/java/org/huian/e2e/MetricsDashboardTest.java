package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huian.cases.EscalationReason;
import org.huian.operations.HuianMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * What an operator's Prometheus and Grafana see: every Huian counter exists from the first scrape
 * at 0 (so {@code rate()} has a start), the connection pool and the job executor are exported, and
 * the dashboard shipped in {@code docs/grafana} is a valid dashboard whose every query names a
 * metric the application really exports.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:huian-metrics;DB_CLOSE_DELAY=-1")
class MetricsDashboardTest extends AbstractApiTest {

  static final Pattern METRIC = Pattern.compile("\\b((?:huian|camunda|hikaricp)_[a-z_]+)\\b");

  String scrape() throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  void shouldExportEveryCounterAtZeroBeforeTheFirstEventAndThePoolAndTheJobExecutor() throws Exception {
    String metrics = scrape();
    assertThat(HuianMetrics.ESCALATION_REASONS)
        .containsExactlyElementsOf(Arrays.stream(EscalationReason.values()).map(Enum::name).toList());
    for (String level : new String[] {"GRID", "COMMUNITY", "STREET"}) {
      for (String reason : HuianMetrics.ESCALATION_REASONS) {
        assertThat(metrics).contains("huian_escalations_total{level=\"" + level + "\",reason=\"" + reason + "\"} 0.0");
      }
    }
    for (String level : new String[] {"GRID", "COMMUNITY", "STREET", "DISTRICT"}) {
      assertThat(metrics).contains("huian_sla_breaches_total{level=\"" + level + "\"} 0.0");
    }
    assertThat(metrics).contains("hikaricp_connections_active", "hikaricp_connections_pending", "hikaricp_connections_acquire_seconds");
    for (String event : new String[] {"acquired", "acquisition_attempts", "executed", "failed", "rejected", "locked_exclusive"}) {
      assertThat(metrics).contains("camunda_jobs_total{event=\"" + event + "\"}");
    }
  }

  @Test
  void shouldCountTheJobsTheEngineExecutes() throws Exception {
    double before = executed(scrape());
    create(b -> b.put("category", "LABOUR"));
    runAsyncJobs();
    String caseNo = jdbc.sql("SELECT case_no FROM cases ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY").query(String.class).single();
    fire(processInstance(caseNo), org.huian.cases.CaseFunnel.Elements.TIMER_LEVEL_WARNING);
    assertThat(executed(scrape())).as("the warning timer and the notification it led to").isGreaterThan(before);
  }

  static double executed(String metrics) {
    Matcher m = Pattern.compile("camunda_jobs_total\\{event=\"executed\"[^}]*} ([0-9.E]+)").matcher(metrics);
    assertThat(m.find()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void shouldShipAValidGrafanaDashboardThatQueriesOnlyExportedMetrics() throws Exception {
    JsonNode dashboard = HuianClient.JSON.readTree(Files.readString(Path.of("docs/grafana/huian-dashboard.json")));
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(Path.of("docs/grafana/dashboard.schema.json")));
    Set<ValidationMessage> problems = schema.validate(dashboard);
    assertThat(problems).as("dashboard against its schema").isEmpty();
    JsonNode broken = dashboard.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("panels").get(0)).remove("targets");
    assertThat(schema.validate(broken)).as("the schema does check panels").isNotEmpty();

    String metrics = scrape();
    Set<String> queried = new LinkedHashSet<>();
    for (JsonNode expr : dashboard.findValues("expr")) {
      Matcher m = METRIC.matcher(expr.asText());
      while (m.find()) {
        queried.add(m.group(1));
      }
    }
    assertThat(queried).hasSizeGreaterThanOrEqualTo(8);
    for (String name : queried) {
      assertThat(metrics).as("exported: " + name).containsPattern("(?m)^" + name + "[{ ]");
    }
  }
}
