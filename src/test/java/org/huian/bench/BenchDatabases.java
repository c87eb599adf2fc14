package org.huian.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two PostgreSQL databases of a run: one for the application, one for the bare engine of the
 * baselines. Either given by URL ({@code -Dbench.jdbcUrl=... -Dbench.bareJdbcUrl=...}, both
 * empty), or two databases on one embedded PostgreSQL server (zonky: real binaries, no Docker).
 * Both sides share the server and its settings, so they are compared on equal terms.
 */
final class BenchDatabases implements AutoCloseable {

  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded;
  final String appUrl;
  final String bareUrl;
  final String user;
  final String password;

  private BenchDatabases(io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded, String appUrl, String bareUrl,
      String user, String password) {
    this.embedded = embedded;
    this.appUrl = appUrl;
    this.bareUrl = bareUrl;
    this.user = user;
    this.password = password;
  }

  static BenchDatabases open(BenchConfig config) throws IOException, SQLException {
    if (config.jdbcUrl() != null) {
      if (config.bareJdbcUrl() == null) {
        throw new IllegalStateException("with -Dbench.jdbcUrl also give -Dbench.bareJdbcUrl: an empty database for the bare-engine baseline");
      }
      return new BenchDatabases(null, config.jdbcUrl(), config.bareJdbcUrl(), config.jdbcUser(), config.jdbcPassword());
    }
    var pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
        .setServerConfig("max_connections", "200")
        .start();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE huian");
      s.execute("CREATE DATABASE bare");
    }
    return new BenchDatabases(pg, pg.getJdbcUrl("postgres", "huian"), pg.getJdbcUrl("postgres", "bare"), "postgres", "");
  }

  /**
   * The name every connection of the benchmark itself gives PostgreSQL ({@code application_name}),
   * so that {@link CaseCosts} can tell the benchmark's sessions from the application's.
   */
  static final String APPLICATION_NAME = "huian-bench";

  Connection app() throws SQLException {
    return DriverManager.getConnection(appUrl, properties());
  }

  Connection bare() throws SQLException {
    return DriverManager.getConnection(bareUrl, properties());
  }

  private java.util.Properties properties() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("ApplicationName", APPLICATION_NAME);
    return p;
  }

  String describe() throws SQLException {
    try (Connection c = app(); Statement s = c.createStatement(); var rs = s.executeQuery(
        "SELECT version(), current_setting('shared_buffers'), current_setting('synchronous_commit'), current_setting('fsync')")) {
      rs.next();
      return rs.getString(1) + "; shared_buffers=" + rs.getString(2) + ", synchronous_commit=" + rs.getString(3)
          + ", fsync=" + rs.getString(4) + (embedded != null ? " (embedded, zonky)" : " (given by URL)");
    }
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
