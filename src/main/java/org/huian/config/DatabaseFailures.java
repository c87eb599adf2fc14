package org.huian.config;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a database outage (answered 503) from a bug (500), wherever it surfaces. */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  /**
   * Lost or refused connections anywhere in the cause chain: connection errors (SQL state 08),
   * a server shutting down (57P), a pool that cannot connect, a commit or rollback that failed.
   */
  public static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException
          || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
          // a commit or rollback that fails means the connection is gone; the transaction is void either way
          || t instanceof org.springframework.transaction.TransactionSystemException
          || t instanceof SQLException sql && sql.getSQLState() != null
              && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
