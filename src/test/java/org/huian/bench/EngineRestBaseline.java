package org.huian.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The second intake baseline: the bare engine's trivial process ({@link BareEngine#model()}, a user
 * task with an interrupting boundary timer of seven days) started through the application's own
 * {@code /engine-rest}, with HTTP Basic, on the same HTTP stack and from as many clients as Huian's
 * intake. It shows what HTTP, authentication and the engine's authorization checks cost, apart from
 * what the funnel costs.
 *
 * <p>The starts run as {@code district}, the user of Huian's intake, who is not in
 * {@code camunda-admin}, so the engine checks authorizations for every start (shown by a start that
 * answers 403 before the grant); {@code admin} grants {@code district} READ and CREATE_INSTANCE on
 * the definition ({@code PROCESS_INSTANCE CREATE} is everyone's already).
 *
 * <p>Deployment: first {@code POST /engine-rest/deployment/create} as {@code designer} (group
 * {@code process-designers}, who may deploy). Huian's {@code DeploymentGuard} refuses every process
 * id that is not one of Huian's own, so that answers 400; the model is then deployed by a
 * short-lived engine of the benchmark on the application's database (no job executor, no history
 * cleanup, no metrics, schema left as it is), and the application loads it from the database on the
 * first start like any definition another node deployed. Which of the two happened is in the details.
 *
 * <p>The instances stay (their timers are due in seven days); the steps that count jobs, incidents
 * or instances leave out {@link #PROCESS_KEY}.
 */
final class EngineRestBaseline {

  static final String PROCESS_KEY = BareEngine.PROCESS_KEY;
  static final String DEPLOYER = "designer";
  static final String STARTER = "district";
  static final String ADMIN = "admin";
  static final String START = "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start";

  private EngineRestBaseline() {}

  /** Deploys the trivial process to the application and lets {@link #STARTER} start it; returns what was done. */
  static Map<String, Object> prepare(BenchContext ctx) throws Exception {
    Map<String, Object> done = new LinkedHashMap<>();
    Http http = ctx.app.http();
    byte[] bpmn = Bpmn.convertToString(BareEngine.model()).getBytes(StandardCharsets.UTF_8);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", "huian-bench /engine-rest baseline");
    fields.put("deployment-source", "huian-bench");
    fields.put("enable-duplicate-filtering", "true");
    Http.Reply deployed = http.postMultipart(DEPLOYER, "/engine-rest/deployment/create", fields, Map.of(PROCESS_KEY + ".bpmn", bpmn));
    if (deployed.status() == 200) {
      done.put("deployment", "POST /engine-rest/deployment/create as " + DEPLOYER + ": 200");
    } else if (deployed.status() == 400) {
      String message = BenchContext.JSON.readTree(deployed.body()).path("message").asText(deployed.body());
      deployByEngine(ctx.db);
      done.put("deployment", "POST /engine-rest/deployment/create as " + DEPLOYER + " answered 400 (" + abbreviate(message)
          + "); deployed instead by a benchmark engine on the application's database");
    } else {
      throw new IllegalStateException("deployment answered " + deployed.status() + ": " + deployed.body());
    }

    String probe = "{\"businessKey\":\"bench-rest-probe\"}";
    Http.Reply before = http.postJson(STARTER, START, probe);
    if (before.status() == 200) {
      throw new IllegalStateException(STARTER + " could start " + PROCESS_KEY + " without a grant: authorization checks are off");
    }
    if (before.status() != 403 && before.status() != 404) {
      throw new IllegalStateException("a start before the grant answered " + before.status() + ": " + before.body());
    }
    Map<String, Object> grant = new LinkedHashMap<>();
    grant.put("type", 1);
    grant.put("permissions", List.of("READ", "CREATE_INSTANCE"));
    grant.put("userId", STARTER);
    grant.put("resourceType", 6); // PROCESS_DEFINITION
    grant.put("resourceId", PROCESS_KEY);
    Http.Reply granted = http.postJson(ADMIN, "/engine-rest/authorization/create", BenchContext.JSON.writeValueAsString(grant));
    if (granted.status() != 200) {
      throw new IllegalStateException("authorization/create answered " + granted.status() + ": " + granted.body());
    }
    Http.Reply groups = http.get(ADMIN, "/engine-rest/group?member=" + STARTER);
    List<String> groupIds = new ArrayList<>();
    for (JsonNode g : BenchContext.JSON.readTree(groups.body())) {
      groupIds.add(g.path("id").asText());
    }
    if (groupIds.contains("camunda-admin")) {
      throw new IllegalStateException(STARTER + " is in camunda-admin: the engine would check no authorization");
    }
    done.put("user", STARTER + " (the intake's user), HTTP Basic; not in camunda-admin (" + groupIds.size() + " groups), so "
        + "authorization and tenant checks are on: a start before the grant answered " + before.status()
        + "; admin granted READ and CREATE_INSTANCE on ProcessDefinition " + PROCESS_KEY);
    return done;
  }

  /**
   * Starts {@code count} instances through {@link #START} from {@code clients} HTTP clients;
   * any answer but 200 fails the run.
   */
  static Latencies start(BenchContext ctx, int count, int clients, String prefix, String label) throws Exception {
    return ctx.requests(count, clients, label, "instances", 200,
        (http, i) -> http.postJson(STARTER, START, "{\"businessKey\":\"" + prefix + i + "\"}"));
  }

  /** Running instances of the trivial process in the application's database. */
  static long instances(BenchContext ctx) throws Exception {
    try (Connection c = ctx.db.app()) {
      return BenchContext.count(c, "SELECT COUNT(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ "
          + "WHERE e.id_ = e.proc_inst_id_ AND d.key_ = ?", PROCESS_KEY);
    }
  }

  /** Deploys the trivial process with an engine of our own on the application's database, then closes that engine. */
  private static void deployByEngine(BenchDatabases db) {
    String url = db.appUrl + (db.appUrl.contains("?") ? "&" : "?") + "ApplicationName=" + BenchDatabases.APPLICATION_NAME;
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("bench-app-deployer")
        .setJdbcUrl(url)
        .setJdbcDriver("org.postgresql.Driver")
        .setJdbcUsername(db.user)
        .setJdbcPassword(db.password)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL) // the application's huian-full keeps full's id
        .setJobExecutorActivate(false);
    config.setHistoryCleanupEnabled(false);
    config.setMetricsEnabled(false);
    config.setDbMetricsReporterActivate(false);
    config.setAuthorizationEnabled(false);
    config.setJdbcMaxActiveConnections(2);
    ProcessEngine engine = config.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().name("huian-bench /engine-rest baseline").source("huian-bench")
          .addModelInstance(PROCESS_KEY + ".bpmn", BareEngine.model()).deploy();
    } finally {
      engine.close();
    }
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() > 160 ? one.substring(0, 160) + "…" : one;
  }
}
