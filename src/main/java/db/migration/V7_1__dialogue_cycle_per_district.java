package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * One safety-dialogue cycle a year <em>per district</em>: V4 made {@code cycle_year} unique on its
 * own. The constraint has a generated name that differs between H2 and PostgreSQL, so it is looked
 * up in the standard information schema (both have it) and dropped, and the pair
 * ({@code district_code}, {@code cycle_year}) becomes unique instead.
 */
public class V7_1__dialogue_cycle_per_district extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    List<String> names = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("""
        SELECT tc.constraint_name FROM information_schema.table_constraints tc
        JOIN information_schema.key_column_usage k
          ON k.constraint_name = tc.constraint_name AND k.table_name = tc.table_name
        WHERE UPPER(tc.table_name) = 'DIALOGUE_CYCLES' AND tc.constraint_type = 'UNIQUE'
          AND UPPER(k.column_name) = 'CYCLE_YEAR'""");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    try (Statement s = c.createStatement()) {
      for (String name : names) {
        s.execute("ALTER TABLE dialogue_cycles DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
      }
      s.execute("ALTER TABLE dialogue_cycles ADD CONSTRAINT uq_dialogue_cycle_district_year UNIQUE (district_code, cycle_year)");
    }
  }
}
