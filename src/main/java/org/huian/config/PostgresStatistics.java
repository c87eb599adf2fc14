package org.huian.config;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Extended planner statistics that PostgreSQL needs for Camunda's authorization checks.
 *
 * <p>Every task query of a user with authorizations enabled joins {@code ACT_RU_AUTHORIZATION}
 * filtered by {@code PERMS_ & 2 = 2}. PostgreSQL has no statistics on that expression and assumes
 * it keeps 1 row in 200, so with many open tasks of one street it may pick a nested loop against
 * the authorization subquery that grows with the square of the street's open tasks
 * ({@code docs/performance.md}, "The task query at 100,000 open cases"). The statistics object
 * below gives the planner the real share. It is created once, after the engine has built its
 * schema, and only on PostgreSQL 14 or later (statistics on expressions); not in a Flyway script,
 * because the scripts also run on H2 and cannot ask for the server's version.
 */
@Component
public class PostgresStatistics extends AbstractProcessEnginePlugin {

  /** The statistics object and its table. */
  public static final String NAME = "huian_authorization_perms";
  public static final String TABLE = "act_ru_authorization";
  public static final String CREATE = "CREATE STATISTICS IF NOT EXISTS " + NAME + " ON (perms_ & 2), resource_type_ FROM " + TABLE;

  private static final Logger log = LoggerFactory.getLogger(PostgresStatistics.class);
  private static final int MIN_VERSION = 140000;

  private final Database database;
  private final JdbcTemplate jdbc;

  PostgresStatistics(Database database, JdbcTemplate jdbc) {
    this.database = database;
    this.jdbc = jdbc;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (!database.postgres()) {
      return;
    }
    try {
      Integer version = jdbc.queryForObject("SELECT current_setting('server_version_num')::int", Integer.class);
      if (version == null || version < MIN_VERSION) {
        log.warn("PostgreSQL {} has no statistics on expressions (14 or later): task queries may plan badly with many open tasks", version);
        return;
      }
      Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = ?", Integer.class, NAME);
      if (present != null && present > 0) {
        return;
      }
      jdbc.execute(CREATE);
      jdbc.execute("ANALYZE " + TABLE);
      log.info("created planner statistics {}", NAME);
    } catch (DataAccessException e) {
      // a second node creating them at the same moment, or no right to create them: not fatal
      log.warn("could not create planner statistics {}: {}", NAME, e.getMostSpecificCause().getMessage());
    }
  }
}
