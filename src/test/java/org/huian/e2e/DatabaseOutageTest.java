package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.huian.HuianApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL goes away for ten seconds while clients keep taking in cases: the API answers 503
 * problem+json (never a 500, never a hang beyond the connection timeout), no case is half-created,
 * every accepted case exists exactly once, and intake works again by itself when the database is back.
 */
class DatabaseOutageTest {

  record Result(int status, String contentType, String externalRef, String caseNo, long millis) {}

  @TempDir Path data;

  @Test
  void shouldAnswer503DuringAnOutageAndRecoverByItself() throws Exception {
    int pgPort = freePort();
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg = start(pgPort);
    String url = "jdbc:postgresql://localhost:" + pgPort + "/postgres";
    List<Result> results = Collections.synchronizedList(new ArrayList<>());
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HuianApplication.class).run(
        "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
        "--spring.datasource.password=", "--camunda.bpm.job-execution.enabled=false",
        "--spring.datasource.hikari.connection-timeout=2000", "--huian.notifications.relay-interval=PT1H")) {
      HuianClient client = new HuianClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      AtomicInteger counter = new AtomicInteger();
      long end = System.currentTimeMillis() + 24_000;
      ExecutorService clients = Executors.newFixedThreadPool(4);
      for (int t = 0; t < 4; t++) {
        clients.submit(() -> {
          while (System.currentTimeMillis() < end) {
            String ref = "outage-" + counter.incrementAndGet();
            Map<String, Object> body = AbstractApiTest.body(b -> b.put("externalRef", ref));
            long started = System.currentTimeMillis();
            HuianClient.Reply r;
            try {
              r = client.post("street-andingmen", "/api/cases", body);
            } catch (RuntimeException e) {
              results.add(new Result(-1, e.toString(), ref, null, System.currentTimeMillis() - started));
              continue;
            }
            results.add(new Result(r.status(), r.contentType(), ref,
                r.body() == null ? null : r.body().path("caseNo").asText(null), System.currentTimeMillis() - started));
          }
          return null;
        });
      }
      Thread.sleep(5_000);
      pg.close();
      Thread.sleep(10_000);
      pg = start(pgPort);
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

      HuianClient.Reply after = null;
      for (int i = 0; i < 30 && (after == null || after.status() != 201); i++) {
        after = client.post("street-andingmen", "/api/cases", AbstractApiTest.body(b -> { }));
        if (after.status() != 201) {
          Thread.sleep(1_000);
        }
      }
      assertThat(after.status()).as("intake works again after the outage").isEqualTo(201);

      List<Result> all = new ArrayList<>(results);
      assertThat(all).extracting(Result::status).as("only 201 or 503, never a 5xx for the outage or a lost request")
          .containsOnly(201, 503);
      assertThat(all).filteredOn(r -> r.status() == 503).isNotEmpty()
          .allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
      assertThat(all).filteredOn(r -> r.status() == 201).hasSizeGreaterThan(10);
      assertThat(all).allSatisfy(r -> assertThat(r.millis()).as("no hang").isLessThan(Duration.ofSeconds(15).toMillis()));
      for (Result r : all) {
        long rows = jdbc.sql("SELECT COUNT(*) FROM cases WHERE external_ref = ?").param(r.externalRef()).query(Long.class).single();
        assertThat(rows).as("%s answered %s", r.externalRef(), r.status()).isEqualTo(r.status() == 201 ? 1 : 0);
      }
      assertThat(jdbc.sql("SELECT COUNT(*) FROM cases WHERE process_instance_id IS NULL").query(Long.class).single())
          .as("no half-created case").isZero();
    } finally {
      pg.close();
    }
  }

  private io.zonky.test.db.postgres.embedded.EmbeddedPostgres start(int port) throws IOException {
    return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
        .setDataDirectory(data.resolve("pg")).setCleanDataDirectory(false).setPort(port).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
