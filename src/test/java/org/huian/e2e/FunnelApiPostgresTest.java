package org.huian.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
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
