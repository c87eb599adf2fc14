package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.huian.config.PostgresStatistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same end-to-end suite on a real PostgreSQL server. */
class FunnelApiPostgresTest extends AbstractFunnelApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    String url = EmbeddedPostgres.newDatabase("huian_e2e");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @Autowired ApplicationContext context;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;

  /**
   * The authorization check's {@code PERMS_ & 2} has planner statistics (PostgresStatistics), so
   * PostgreSQL knows how many rows it keeps instead of assuming 1 in 200; a restart does not create them twice.
   */
  @Test
  void shouldGiveThePlannerStatisticsOnTheAuthorizationPermissions() {
    create(b -> b.put("category", "LABOUR"));
    jdbc.sql("ANALYZE act_ru_authorization").update();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = 'huian_authorization_perms'")
        .query(Long.class).single()).isEqualTo(1);
    Double readShare = jdbc.sql("""
        SELECT (SELECT SUM(f) FROM unnest(most_common_freqs) f) FROM pg_stats_ext_exprs
        WHERE statistics_name = 'huian_authorization_perms' AND expr LIKE '%perms_ & 2%'""")
        .query(Double.class).single();
    long total = jdbc.sql("SELECT COUNT(*) FROM act_ru_authorization").query(Long.class).single();
    long withRead = jdbc.sql("SELECT COUNT(*) FROM act_ru_authorization WHERE (perms_ & 2) = 2").query(Long.class).single();
    assertThat(withRead).as("authorizations granting READ exist").isPositive();
    assertThat(readShare).as("the statistics cover the expression's values").isNotNull().isGreaterThan(0.99);

    context.getBean(PostgresStatistics.class).postProcessEngineBuild(null);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname LIKE 'huian_%'").query(Long.class).single())
        .as("created once; %d of %d authorizations grant READ", withRead, total).isEqualTo(1);
  }

  /**
   * Two nodes starting at the same time both run the identity seeding. Here a unit group and the
   * shared Tasklist filter are missing (as after a release that adds units), and two threads run
   * the seeding at once, each in its own transaction: both finish, the group exists, the filter once.
   */
  @Test
  void shouldSeedIdentitiesOnceWhenTwoNodesStartTogether() throws Exception {
    String grid = "110101004001-11";
    identityService.deleteGroup(grid);
    filterService.createFilterQuery().filterName("本单位待办").list().forEach(f -> filterService.deleteFilter(f.getId()));
    ApplicationRunner setup = (ApplicationRunner) context.getBean("identitySetup");
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Void>> nodes = List.of(1, 2).stream().map(i -> CompletableFuture.runAsync(() -> {
      try {
        together.await();
        setup.run(null);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).toList();
    CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get();
    assertThat(identityService.createGroupQuery().groupId(grid).count()).isEqualTo(1);
    assertThat(filterService.createFilterQuery().filterName("本单位待办").count()).isEqualTo(1);
  }
}
