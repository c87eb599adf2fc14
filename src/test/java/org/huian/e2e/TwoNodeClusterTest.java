package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.huian.HuianApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Huian nodes, each its own JVM, on one PostgreSQL. Under intake load node A is killed with
 * SIGKILL while its job executor is in the middle of firing deadlines; node B carries on; A
 * starts again on the same port and takes work again. Then, against the database:
 * <ul>
 *   <li>every request answered 201 (or 200 on an idempotent retry) is exactly one case row with
 *       exactly one running case-funnel instance, and nothing is half-created;</li>
 *   <li>every deadline made due in the window fired exactly once: one escalation, one level up,
 *       one successful job log entry, including the deadlines A had locked when it died;</li>
 *   <li>every notification in the outbox went out, each once (a row A had claimed when it died
 *       at most twice: delivery is at least once);</li>
 *   <li>both nodes share one deployment and one set of seeded groups;</li>
 *   <li>a designer deploys a changed deadline table on node A, and node B's next case follows it.</li>
 * </ul>
 * Node logs: {@code target/cluster-test/}. See docs/cluster.md.
 */
class TwoNodeClusterTest {

  private static final String USER = "street-andingmen";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  /** Job lock time of the test nodes (production keeps Camunda's 5 minutes, see docs/cluster.md). */
  private static final int LOCK_TIME_MILLIS = 10_000;
  private static final Pattern SENT_LINE = Pattern.compile("notification #(\\d+) \\[");

  private final List<Node> nodes = new ArrayList<>();
  private final Path logs = Path.of("target", "cluster-test");

  /** One attempt of a client; {@code status} -1: no answer, {@code error} says why. */
  record Answer(String ref, String node, int status, String caseNo, Instant at, String error) {}

  @AfterEach
  void stopNodes() {
    nodes.forEach(Node::kill);
  }

  @Test
  void shouldKeepEveryAcceptedCaseAndFireEveryDeadlineOnceWhenANodeIsKilled() throws Exception {
    long began = System.currentTimeMillis();
    Files.createDirectories(logs);
    try (Stream<Path> old = Files.list(logs)) {
      for (Path f : old.toList()) {
        Files.delete(f);
      }
    }
    String db = EmbeddedPostgres.newDatabase("huian_cluster");

    // A fresh database: A creates the schemas and seeds identities, then B joins (docs/cluster.md)
    Node a = node("node-a", freePort(), db);
    Node b = node("node-b", freePort(), db);
    a.start(1);
    a.awaitReady();
    b.start(1);
    b.awaitReady();
    log("both nodes up after %d s", (System.currentTimeMillis() - began) / 1000);

    try (Connection sql = DriverManager.getConnection(db, "postgres", "")) {
      // deadline cases: GRID level, one-day deadline, made due by the test in three batches
      List<String> deadlineCases = new ArrayList<>();
      for (int i = 0; i < 58; i++) {
        Node via = i % 2 == 0 ? a : b;
        HttpResult r = post(via.port, AbstractApiTest.body(AbstractApiTest::gridAppNeighbourDispute));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        deadlineCases.add(r.json().path("caseNo").asText());
      }
      Map<String, String> deadlineJob = deadlineJobs(sql, deadlineCases);
      // 20: more than one node's job executor can hold (10 threads + 3 queued + 3 rejected), so A gets some
      List<String> batchBeforeKill = deadlineCases.subList(0, 20);
      List<String> batchWhileDown = deadlineCases.subList(20, 28);
      List<String> batchAfterRestart = deadlineCases.subList(28, 58);

      // intake load on both nodes; a client whose node does not answer retries on B with the same externalRef
      List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean loading = new AtomicBoolean(true);
      AtomicInteger refs = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      for (int t = 0; t < 4; t++) {
        boolean home = t % 2 == 0;
        clients.submit(() -> {
          while (loading.get()) {
            String ref = "cluster-" + refs.incrementAndGet();
            Map<String, Object> body = AbstractApiTest.body(x -> x.put("externalRef", ref));
            Node target = home ? a : b;
            String name = target.name + "#" + target.generation;
            HttpResult r = tryPost(target.port, body);
            answers.add(new Answer(ref, name, r.status(), r.caseNo(), Instant.now(), r.status() == -1 ? r.raw() : null));
            for (int retry = 0; r.status() != 201 && r.status() != 200 && retry < 20; retry++) {
              pause(200);
              r = tryPost(b.port, body);
              answers.add(new Answer(ref, "node-b#1", r.status(), r.caseNo(), Instant.now(), r.status() == -1 ? r.raw() : null));
            }
            pause(50);
          }
          return null;
        });
      }
      awaitTrue("intake load on both nodes", Duration.ofSeconds(60),
          () -> copy(answers).stream().filter(x -> x.status() == 201).map(Answer::node).distinct().count() == 2);

      // hold the rows of the first batch, make its deadlines due: the job executors lock the timer
      // jobs and block inside the escalation; once A holds some, kill it
      Map<String, String> strandedAtKill;
      Set<Long> outboxSendingAtKill;
      Instant killedAt;
      try (Connection holder = DriverManager.getConnection(db, "postgres", "")) {
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("SELECT case_no FROM cases WHERE case_no = ANY(?) FOR UPDATE")) {
          lock.setArray(1, array(holder, batchBeforeKill));
          lock.executeQuery().close();
        }
        makeDue(sql, jobsOf(deadlineJob, batchBeforeKill));
        awaitTrue("node A's job executor locks deadline jobs", Duration.ofSeconds(60),
            () -> lockOwners(sql, jobsOf(deadlineJob, batchBeforeKill)).values().stream().anyMatch(o -> o.startsWith("node-a:")));
        // give B a moment to lock some too, so both kinds of in-flight job are covered
        awaitTrue("node B locks deadline jobs", Duration.ofSeconds(3),
            () -> lockOwners(sql, jobsOf(deadlineJob, batchBeforeKill)).values().stream().anyMatch(o -> o.startsWith("node-b:")), false);

        int exit = a.kill();
        killedAt = Instant.now();
        assertThat(exit).as("node A ended by SIGKILL (128 + 9), not by a shutdown").isEqualTo(137);
        strandedAtKill = lockOwners(sql, jobsOf(deadlineJob, batchBeforeKill));
        strandedAtKill.values().removeIf(o -> !o.startsWith("node-a:"));
        outboxSendingAtKill = longs(sql, "SELECT id FROM notification_outbox WHERE status = 'SENDING'");
        log("killed node A: it held %d deadline job(s) in flight: %s", strandedAtKill.size(), strandedAtKill);
        holder.commit();
      }
      assertThat(strandedAtKill).as("jobs A had locked when it died").isNotEmpty();

      // while A is down: more deadlines fall due, and B alone fires them
      makeDue(sql, jobsOf(deadlineJob, batchWhileDown));
      awaitTrue("B alone takes in the cases of both client groups", Duration.ofSeconds(60),
          () -> copy(answers).stream().filter(x -> x.node().equals("node-b#1") && x.status() == 201 && x.at().isAfter(killedAt)).count() >= 10);

      // A starts again on the same port
      a.start(2);
      Instant restartedAt = a.startedAt;
      a.awaitReady();
      log("node A back after %d s", Duration.between(killedAt, Instant.now()).toSeconds());
      awaitTrue("restarted A answers intake", Duration.ofSeconds(60),
          () -> copy(answers).stream().anyMatch(x -> x.node().equals("node-a#2") && x.status() == 201));

      // deadlines due after the restart, two at a time, until the restarted A has fired some: one
      // acquisition usually takes a whole pair, and either node wins it about half the time
      List<String> dueAfterRestart = new ArrayList<>();
      Instant until = Instant.now().plus(Duration.ofSeconds(240));
      while (executedBy(sql, jobsOf(deadlineJob, dueAfterRestart), "node-a", restartedAt).isEmpty()
          && dueAfterRestart.size() < batchAfterRestart.size() && Instant.now().isBefore(until)) {
        List<String> next = batchAfterRestart.subList(dueAfterRestart.size(), Math.min(dueAfterRestart.size() + 2, batchAfterRestart.size()));
        dueAfterRestart.addAll(next);
        // let both executors back off to their idle maximum first (max-wait, 1 s on these nodes): the
        // node that fired the last pair polls again at once and would otherwise win every next pair
        Thread.sleep(2_500);
        makeDue(sql, jobsOf(deadlineJob, next));
        awaitTrue("the deadlines just made due fire", Duration.ofSeconds(60),
            () -> succeeded(sql, jobsOf(deadlineJob, dueAfterRestart)).size() == dueAfterRestart.size());
      }
      assertThat(executedBy(sql, jobsOf(deadlineJob, dueAfterRestart), "node-a", restartedAt))
          .as("the restarted node A's job executor fires deadlines again").isNotEmpty();

      loading.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

      // --------------------------------------------------------------------------- the deadlines
      List<String> due = new ArrayList<>(batchBeforeKill);
      due.addAll(batchWhileDown);
      due.addAll(dueAfterRestart);
      awaitTrue("every due deadline fired (A's stranded locks expire after " + LOCK_TIME_MILLIS + " ms)",
          Duration.ofSeconds(120), () -> succeeded(sql, jobsOf(deadlineJob, due)).size() == due.size());
      Map<String, List<String>> runs = jobRuns(sql, jobsOf(deadlineJob, due));
      for (String caseNo : due) {
        String job = deadlineJob.get(caseNo);
        assertThat(runs.get(job)).as("successful runs of the deadline of %s", caseNo).hasSize(1);
        assertThat(count(sql, "SELECT COUNT(*) FROM escalations WHERE case_no = ? AND reason = 'DEADLINE'", caseNo))
            .as("escalations of %s", caseNo).isEqualTo(1);
        assertThat(count(sql, "SELECT COUNT(*) FROM escalations WHERE case_no = ?", caseNo)).isEqualTo(1);
        assertThat(count(sql, "SELECT COUNT(*) FROM case_events WHERE case_no = ? AND event_type = 'ESCALATED'", caseNo))
            .isEqualTo(1);
        assertThat(string(sql, "SELECT level FROM cases WHERE case_no = ?", caseNo)).as("level of %s", caseNo).isEqualTo("COMMUNITY");
      }
      for (String job : strandedAtKill.keySet()) {
        List<String> by = runs.get(job);
        assertThat(by).as("job %s that A held when it died ran once, on B or on the restarted A", job).hasSize(1);
      }
      for (String caseNo : batchAfterRestart.subList(dueAfterRestart.size(), batchAfterRestart.size())) {
        assertThat(string(sql, "SELECT level FROM cases WHERE case_no = ?", caseNo)).as("not due: stays").isEqualTo("GRID");
        assertThat(count(sql, "SELECT COUNT(*) FROM escalations WHERE case_no = ?", caseNo)).isZero();
      }

      // ------------------------------------------------------------------------------- the cases
      Map<String, String> accepted = new HashMap<>();
      for (Answer x : copy(answers)) {
        assertThat(x.status()).as("answer %s", x).isIn(-1, 200, 201, 503);
        if (x.status() == 201 || x.status() == 200) {
          String before = accepted.putIfAbsent(x.ref(), x.caseNo());
          assertThat(before == null || before.equals(x.caseNo())).as("%s answered with two case numbers", x.ref()).isTrue();
        }
      }
      Set<String> allRefs = copy(answers).stream().map(Answer::ref).collect(Collectors.toSet());
      assertThat(accepted.keySet()).as("every request was finally accepted, on its node or on B").isEqualTo(allRefs);
      Map<String, List<String>> rows = new HashMap<>();
      try (PreparedStatement q = sql.prepareStatement("SELECT external_ref, case_no FROM cases WHERE external_ref LIKE 'cluster-%'");
          ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
      for (Map.Entry<String, String> e : accepted.entrySet()) {
        assertThat(rows.get(e.getKey())).as("rows of %s", e.getKey()).containsExactly(e.getValue());
      }
      assertThat(rows.keySet()).as("no case nobody was told about").isEqualTo(accepted.keySet());
      Map<String, Long> running = new HashMap<>();
      try (PreparedStatement q = sql.prepareStatement("SELECT e.BUSINESS_KEY_, COUNT(*) FROM ACT_RU_EXECUTION e "
          + "JOIN ACT_RE_PROCDEF d ON e.PROC_DEF_ID_ = d.ID_ WHERE e.ID_ = e.PROC_INST_ID_ AND d.KEY_ = 'case-funnel' "
          + "GROUP BY e.BUSINESS_KEY_"); ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          running.put(rs.getString(1), rs.getLong(2));
        }
      }
      for (String caseNo : accepted.values()) {
        assertThat(running.get(caseNo)).as("running case-funnel instances of %s", caseNo).isEqualTo(1L);
      }
      assertThat(count(sql, "SELECT COUNT(*) FROM cases c WHERE c.process_instance_id IS NULL OR NOT EXISTS "
          + "(SELECT 1 FROM ACT_HI_PROCINST p WHERE p.ID_ = c.process_instance_id AND p.BUSINESS_KEY_ = c.case_no)"))
          .as("case rows without their process").isZero();
      assertThat(count(sql, "SELECT COUNT(*) FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = 'case-funnel' "
          + "AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.case_no = p.BUSINESS_KEY_)"))
          .as("processes without their case row").isZero();
      long fromA2 = copy(answers).stream().filter(x -> x.node().equals("node-a#2") && x.status() == 201).count();
      long noAnswer = copy(answers).stream().filter(x -> x.status() == -1).count();
      long cutOff = copy(answers).stream().filter(x -> x.status() == -1 && !x.error().contains("ConnectException")).count();
      long committedUnanswered = copy(answers).stream().filter(x -> x.status() == 200).count();
      log("%d requests, %d accepted cases; %d attempts unanswered (retried on B), %d of them cut off in flight by the kill, "
          + "%d already stored (200 on retry); %d accepted by the restarted A",
          allRefs.size(), accepted.size(), noAnswer, cutOff, committedUnanswered, fromA2);

      // ------------------------------------------------------------------------------ the outbox
      awaitTrue("the outbox drains (rows A had claimed are released after the claim timeout)", Duration.ofSeconds(90),
          () -> count(sql, "SELECT COUNT(*) FROM notification_outbox WHERE status <> 'SENT'") == 0);
      Map<Long, Integer> sends = sendsInLogs();
      Set<Long> outboxRows = longs(sql, "SELECT id FROM notification_outbox");
      assertThat(outboxRows).isNotEmpty();
      for (long id : outboxRows) {
        int n = sends.getOrDefault(id, 0);
        assertThat(n).as("notification #%d sent", id).isGreaterThanOrEqualTo(1);
        if (!outboxSendingAtKill.contains(id)) {
          assertThat(n).as("notification #%d sent by exactly one node", id).isEqualTo(1);
        } else {
          assertThat(n).as("notification #%d claimed by A when it died", id).isLessThanOrEqualTo(2);
        }
      }
      Map<String, Long> byNode = jobHosts(sql);
      log("outbox: %d rows, all sent; job runs by node: %s", outboxRows.size(), byNode);

      // ---------------------------------------------------------------- one deployment, one seed
      assertThat(count(sql, "SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT")).as("nodes share the first node's deployment").isEqualTo(1);
      assertThat(count(sql, "SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE KEY_ = 'case-funnel'")).isEqualTo(1);
      assertThat(count(sql, "SELECT COUNT(*) FROM ACT_RU_FILTER WHERE NAME_ = '本单位待办'")).isEqualTo(1);
      assertThat(count(sql, "SELECT COUNT(*) FROM ACT_ID_GROUP WHERE TYPE_ = 'HUIAN_UNIT'")).isEqualTo(2434);
      assertThat(byNode.keySet()).contains("node-a", "node-b");

      // ------------------------------------------- a designer deploys on A, B's next case follows it
      HuianClient.Reply deployed = new HuianClient(a.port).postMultipart("designer", "/engine-rest/deployment/create",
          Map.of("deployment-name", "case-deadlines", "deployment-source", "Camunda Modeler"),
          "case-deadlines.dmn", AbstractDesignerApiTest.gridDeadline("P2D", "designer-grid-2d"));
      assertThat(deployed.status()).as(deployed.raw()).isEqualTo(200);
      HttpResult next = post(b.port, AbstractApiTest.body(AbstractApiTest::gridAppNeighbourDispute));
      assertThat(next.status()).as(next.raw()).isEqualTo(201);
      Duration allowed = Duration.between(Instant.parse(next.json().path("createdAt").asText()),
          Instant.parse(next.json().path("deadline").asText()));
      assertThat(allowed).as("node B's next grid case has the designer's two days, not one")
          .isBetween(Duration.ofDays(2), Duration.ofDays(2).plusSeconds(30));
      JsonNode decided = new HuianClient(b.port).get("district", "/api/cases/" + next.caseNo()).body().path("decisions").path("deadline");
      assertThat(decided.path("versionTag").asText()).isEqualTo("designer-grid-2d");
      assertThat(decided.path("version").asInt()).isEqualTo(2);
    }
    log("cluster test took %d s", (System.currentTimeMillis() - began) / 1000);
  }

  // ------------------------------------------------------------------------------------- nodes

  private Node node(String name, int port, String db) {
    Node n = new Node(name, port, db);
    nodes.add(n);
    return n;
  }

  final class Node {
    final String name;
    final int port;
    final String db;
    volatile int generation;
    volatile Process process;
    volatile Instant startedAt;

    Node(String name, int port, String db) {
      this.name = name;
      this.port = port;
      this.db = db;
    }

    void start(int generation) throws IOException {
      this.generation = generation;
      List<String> cmd = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
          "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
          "-cp", applicationClassPath(),
          HuianApplication.class.getName(),
          "--server.port=" + port,
          "--spring.datasource.url=" + db,
          "--spring.datasource.username=postgres",
          "--spring.datasource.password=",
          "--spring.datasource.hikari.connection-timeout=20000",
          "--huian.cluster.node-name=" + name,
          "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
          "--camunda.bpm.job-execution.wait-time-in-millis=500",
          "--camunda.bpm.job-execution.max-wait=1000",
          "--huian.notifications.relay-interval=PT1S",
          "--huian.notifications.claim-timeout=PT10S",
          "--huian.public-base-url=http://localhost:" + port,
          "--logging.level.org.camunda.bpm.engine.jobexecutor=INFO"));
      File out = logs.resolve(name + "-" + generation + ".log").toFile();
      startedAt = Instant.now();
      process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out).start();
      Process started = process;
      // no node outlives the test JVM, even when surefire ends it abruptly
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
      log("%s#%d started as pid %d on port %d, log %s", name, generation, process.pid(), port, out);
    }

    void awaitReady() {
      Instant until = Instant.now().plus(START_TIMEOUT);
      while (Instant.now().isBefore(until)) {
        assertThat(process.isAlive()).as("%s is running (see %s-%d.log)", name, name, generation).isTrue();
        try {
          HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
              .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        pause(500);
      }
      throw new AssertionError(name + " not ready within " + START_TIMEOUT);
    }

    /** SIGKILL: {@code destroyForcibly} on Unix; returns the exit status (137 = killed by signal 9). */
    int kill() {
      Process p = process;
      if (p == null || !p.isAlive()) {
        return p == null ? -1 : p.exitValue();
      }
      p.destroyForcibly();
      try {
        return p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The classes and jars of the application (not the test classes), from the test JVM's class path. */
  private static String applicationClassPath() {
    String cp = System.getProperty("java.class.path");
    if (!cp.contains("classes")) {
      cp = System.getProperty("surefire.test.class.path", cp);
    }
    return Stream.of(cp.split(File.pathSeparator))
        .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  // -------------------------------------------------------------------------------------- HTTP

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  record HttpResult(int status, String raw, JsonNode json) {
    String caseNo() {
      return json == null ? null : json.path("caseNo").asText(null);
    }
  }

  private static HttpResult post(int port, Map<String, Object> body) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":demo").getBytes(StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.ofString(HuianClient.write(body), StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String type = r.headers().firstValue("Content-Type").orElse("");
      return new HttpResult(r.statusCode(), r.body(), type.contains("json") ? HuianClient.JSON.readTree(r.body()) : null);
    } catch (IOException e) {
      return new HttpResult(-1, e.toString(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HttpResult(-1, e.toString(), null);
    }
  }

  /** A post that never throws: -1 when the node gave no answer (refused, reset, killed). */
  private static HttpResult tryPost(int port, Map<String, Object> body) {
    try {
      return post(port, body);
    } catch (RuntimeException e) {
      return new HttpResult(-1, e.toString(), null);
    }
  }

  // ------------------------------------------------------------------------------------ the DB

  /** caseNo → id of its GRID deadline timer job. */
  private static Map<String, String> deadlineJobs(Connection sql, List<String> caseNos) throws SQLException {
    Map<String, String> jobs = new LinkedHashMap<>();
    try (PreparedStatement q = sql.prepareStatement("SELECT c.case_no, j.ID_ FROM cases c JOIN ACT_RU_JOB j "
        + "ON j.PROCESS_INSTANCE_ID_ = c.process_instance_id JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_ "
        + "WHERE d.ACT_ID_ = 'Timer_LevelDeadline' AND c.case_no = ANY(?)")) {
      q.setArray(1, array(sql, caseNos));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          jobs.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    assertThat(jobs).as("one deadline timer per case").hasSize(caseNos.size());
    return jobs;
  }

  private static List<String> jobsOf(Map<String, String> deadlineJob, Collection<String> caseNos) {
    return caseNos.stream().map(deadlineJob::get).toList();
  }

  /** Sets the due date to now, as {@code ManagementService.setJobDuedate} would. */
  private static void makeDue(Connection sql, List<String> jobs) throws SQLException {
    try (PreparedStatement u = sql.prepareStatement("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ANY(?)")) {
      u.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
      u.setArray(2, array(sql, jobs));
      assertThat(u.executeUpdate()).isEqualTo(jobs.size());
    }
  }

  private static Map<String, String> lockOwners(Connection sql, List<String> jobs) {
    Map<String, String> owners = new HashMap<>();
    try (PreparedStatement q = sql.prepareStatement("SELECT ID_, LOCK_OWNER_ FROM ACT_RU_JOB WHERE ID_ = ANY(?) AND LOCK_OWNER_ IS NOT NULL")) {
      q.setArray(1, array(sql, jobs));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          owners.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return owners;
  }

  /** job id → hostnames of its successful runs (job log state 2). */
  private static Map<String, List<String>> jobRuns(Connection sql, List<String> jobs) {
    Map<String, List<String>> runs = new HashMap<>();
    try (PreparedStatement q = sql.prepareStatement("SELECT JOB_ID_, HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = ANY(?) AND JOB_STATE_ = 2")) {
      q.setArray(1, array(sql, jobs));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          runs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return runs;
  }

  private static Set<String> succeeded(Connection sql, List<String> jobs) {
    return jobRuns(sql, jobs).keySet();
  }

  private static Set<String> executedBy(Connection sql, List<String> jobs, String host, Instant after) {
    Set<String> found = new HashSet<>();
    if (jobs.isEmpty()) {
      return found;
    }
    try (PreparedStatement q = sql.prepareStatement("SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_ID_ = ANY(?) "
        + "AND JOB_STATE_ = 2 AND HOSTNAME_ = ? AND TIMESTAMP_ >= ?")) {
      q.setArray(1, array(sql, jobs));
      q.setString(2, host);
      q.setTimestamp(3, Timestamp.from(after));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  private static Map<String, Long> jobHosts(Connection sql) throws SQLException {
    Map<String, Long> hosts = new HashMap<>();
    try (PreparedStatement q = sql.prepareStatement("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY HOSTNAME_");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        hosts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return hosts;
  }

  private static long count(Connection sql, String query, Object... params) {
    try (PreparedStatement q = sql.prepareStatement(query)) {
      for (int i = 0; i < params.length; i++) {
        q.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String string(Connection sql, String query, String param) throws SQLException {
    try (PreparedStatement q = sql.prepareStatement(query)) {
      q.setString(1, param);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static Set<Long> longs(Connection sql, String query) throws SQLException {
    Set<Long> ids = new HashSet<>();
    try (PreparedStatement q = sql.prepareStatement(query); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private static Array array(Connection sql, Collection<String> values) throws SQLException {
    return sql.createArrayOf("varchar", values.toArray());
  }

  /** notification id → how many times a node's log channel sent it, over every node log. */
  private Map<Long, Integer> sendsInLogs() throws IOException {
    Map<Long, Integer> sends = new HashMap<>();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          Matcher m = SENT_LINE.matcher(line);
          if (m.find()) {
            sends.merge(Long.parseLong(m.group(1)), 1, Integer::sum);
          }
        }
      }
    }
    return sends;
  }

  // ------------------------------------------------------------------------------------ helpers

  /** A copy of a list the client threads are still adding to. */
  private static <T> List<T> copy(List<T> synchronizedList) {
    synchronized (synchronizedList) {
      return new ArrayList<>(synchronizedList);
    }
  }

  private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
    awaitTrue(what, timeout, condition, true);
  }

  private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition, boolean required) {
    Instant until = Instant.now().plus(timeout);
    while (Instant.now().isBefore(until)) {
      if (condition.getAsBoolean()) {
        return;
      }
      pause(100);
    }
    if (required) {
      throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void log(String format, Object... args) {
    System.out.println("[cluster-test] " + String.format(format, args));
  }
}
