package org.huian.privacy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Redacts a case's personal data in Camunda's history. Camunda has no API that rewrites history
 * (only one that deletes it, which would take the case's KPIs' sources with it before their TTL),
 * so this works on the tables themselves, found through JDBC metadata rather than a hand-made list:
 * every {@code ACT_HI_*} table with a {@code ROOT_PROC_INST_ID_} column (variables, details, tasks,
 * activities, decisions with their inputs and outputs, comments, attachments, incidents, job and
 * external-task logs, the operation log, identity links) and {@code ACT_GE_BYTEARRAY} (serialized
 * and JSON variable values, comments' full text, stack traces), each text and binary column of
 * each row of the case's process trees. Id columns ({@code *ID_}) are left alone.
 */
@Component
class HistoryScrubber {

  /** One table: its text and binary columns, and the columns that point at ACT_GE_BYTEARRAY. */
  record Table(String name, List<String> text, List<String> binary, List<String> byteArrayRefs) {}

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private volatile List<Table> tables;

  HistoryScrubber(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** The root process instances of a case: its funnel and everything it called, by business key or id. */
  List<String> roots(String caseNo, String processInstanceId) {
    return jdbc.sql("SELECT DISTINCT ROOT_PROC_INST_ID_ FROM ACT_HI_PROCINST WHERE (BUSINESS_KEY_ = ? OR ID_ = ?) "
            + "AND ROOT_PROC_INST_ID_ IS NOT NULL")
        .params(caseNo, processInstanceId == null ? "" : processInstanceId).query(String.class).list();
  }

  /** Redacts every history row of the given process trees; answers how many rows changed. */
  int scrub(Collection<String> roots, Redaction redaction) {
    if (roots.isEmpty() || redaction.isEmpty()) {
      return 0;
    }
    int changed = 0;
    Set<String> byteArrays = new LinkedHashSet<>();
    for (Table t : tables()) {
      if (t.name().equalsIgnoreCase("ACT_GE_BYTEARRAY")) {
        continue;
      }
      changed += scrubRows(t, "ROOT_PROC_INST_ID_ IN (:ids)", List.copyOf(roots), redaction);
      for (String ref : t.byteArrayRefs()) {
        byteArrays.addAll(jdbc.sql("SELECT " + ref + " FROM " + t.name() + " WHERE ROOT_PROC_INST_ID_ IN (:ids) AND "
            + ref + " IS NOT NULL").param("ids", List.copyOf(roots)).query(String.class).list());
      }
    }
    Table bytes = tables().stream().filter(t -> t.name().equalsIgnoreCase("ACT_GE_BYTEARRAY")).findFirst().orElseThrow();
    changed += scrubRows(bytes, "ROOT_PROC_INST_ID_ IN (:ids)", List.copyOf(roots), redaction);
    List<String> refs = List.copyOf(byteArrays);
    for (int i = 0; i < refs.size(); i += 500) {
      changed += scrubRows(bytes, "ID_ IN (:ids) AND (ROOT_PROC_INST_ID_ IS NULL OR ROOT_PROC_INST_ID_ NOT IN (:roots))",
          refs.subList(i, Math.min(refs.size(), i + 500)), redaction, List.copyOf(roots));
    }
    return changed;
  }

  private int scrubRows(Table t, String where, List<String> ids, Redaction redaction) {
    return scrubRows(t, where, ids, redaction, null);
  }

  private int scrubRows(Table t, String where, List<String> ids, Redaction redaction, List<String> roots) {
    if (t.text().isEmpty() && t.binary().isEmpty()) {
      return 0;
    }
    List<String> columns = new ArrayList<>(t.text());
    columns.addAll(t.binary());
    var query = jdbc.sql("SELECT ID_, " + String.join(", ", columns) + " FROM " + t.name() + " WHERE " + where)
        .param("ids", ids);
    if (roots != null) {
      query = query.param("roots", roots);
    }
    int[] changed = {0};
    query.query((ResultSet rs) -> {
      String id = rs.getString(1);
      List<String> sets = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < t.text().size(); i++) {
        String before = rs.getString(2 + i);
        String after = redaction.text(before);
        if (before != null && !before.equals(after)) {
          sets.add(t.text().get(i) + " = ?");
          values.add(after);
        }
      }
      for (int i = 0; i < t.binary().size(); i++) {
        byte[] before = rs.getBytes(2 + t.text().size() + i);
        byte[] after = redaction.bytes(before);
        if (before != null && after != before) {
          sets.add(t.binary().get(i) + " = ?");
          values.add(after);
        }
      }
      if (!sets.isEmpty()) {
        values.add(id);
        jdbc.sql("UPDATE " + t.name() + " SET " + String.join(", ", sets) + " WHERE ID_ = ?").params(values).update();
        changed[0]++;
      }
    });
    return changed[0];
  }

  /** Camunda's history tables with their personal-data columns, read once from the database's metadata. */
  List<Table> tables() {
    List<Table> t = tables;
    if (t == null) {
      try (Connection c = dataSource.getConnection()) {
        t = discover(c);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the history tables' metadata", e);
      }
      tables = t;
    }
    return t;
  }

  static List<Table> discover(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("ACT_HI_") || upper.equals("ACT_GE_BYTEARRAY")) {
          names.add(name);
        }
      }
    }
    List<Table> tables = new ArrayList<>();
    for (String name : names) {
      List<String> text = new ArrayList<>();
      List<String> binary = new ArrayList<>();
      List<String> refs = new ArrayList<>();
      boolean rooted = false;
      boolean hasId = false;
      try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), name, "%")) {
        while (rs.next()) {
          String column = rs.getString("COLUMN_NAME");
          String upper = column.toUpperCase(Locale.ROOT);
          int type = rs.getInt("DATA_TYPE");
          rooted |= upper.equals("ROOT_PROC_INST_ID_");
          hasId |= upper.equals("ID_");
          if (upper.endsWith("BYTEARRAY_ID_") || upper.endsWith("STACK_ID_") || upper.equals("ERROR_DETAILS_ID_")) {
            refs.add(column);
          }
          if (upper.endsWith("ID_")) {
            continue;
          }
          if (isText(type)) {
            text.add(column);
          } else if (isBinary(type)) {
            binary.add(column);
          }
        }
      }
      if (rooted && hasId) {
        tables.add(new Table(name, text, binary, refs));
      }
    }
    return tables;
  }

  static boolean isText(int type) {
    return type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR || type == Types.CLOB
        || type == Types.NVARCHAR || type == Types.NCHAR || type == Types.LONGNVARCHAR || type == Types.NCLOB;
  }

  static boolean isBinary(int type) {
    return type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY;
  }
}
