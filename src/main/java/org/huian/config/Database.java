package org.huian.config;

import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/** Which of the two supported databases runs (H2 or PostgreSQL), and its sequences for readable numbers. */
@Component
public class Database {

  private final DataSource dataSource;
  private final boolean postgres;

  Database(DataSource dataSource) throws MetaDataAccessException {
    this.dataSource = dataSource;
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
    this.postgres = product.toLowerCase().contains("postgres");
  }

  public boolean postgres() {
    return postgres;
  }

  /** The next values of a sequence created by the migrations. */
  public DataFieldMaxValueIncrementer sequence(String name) {
    return postgres ? new PostgresSequenceMaxValueIncrementer(dataSource, name) : new H2SequenceMaxValueIncrementer(dataSource, name);
  }
}
