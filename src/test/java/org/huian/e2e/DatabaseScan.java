package org.huian.e2e;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Every table of the application's schema (Huian's and all of Camunda's), found through JDBC
 * metadata, with every text, CLOB and binary column read back: binary values are searched as
 * UTF-8, and PDFs by their extracted text.
 */
final class DatabaseScan {

  private DatabaseScan() {}

  /** Where any of the needles occurs: "table.column" → the needles found there. */
  static Map<String, List<String>> find(DataSource dataSource, List<String> needles) {
    Map<String, List<String>> hits = new LinkedHashMap<>();
    forEachValue(dataSource, null, (table, column, text) -> {
      for (String n : needles) {
        if (text.contains(n)) {
          hits.computeIfAbsent(table + "." + column, k -> new ArrayList<>()).add(n);
        }
      }
    });
    return hits;
  }

  /** A fingerprint of every text and binary value of every table but the excluded ones. */
  static String fingerprint(DataSource dataSource, Set<String> excluded) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      forEachValue(dataSource, excluded, (table, column, text) -> sha.update((table + "." + column + "=" + text + "\n")
          .getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many tables the scan reads (the project's and Camunda's). */
  static List<String> tables(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return tables(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  interface Visitor {
    void value(String table, String column, String text);
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    names.sort(null);
    return names;
  }

  private static void forEachValue(DataSource dataSource, Set<String> excluded, Visitor visitor) {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      for (String table : tables(c)) {
        if (excluded != null && excluded.contains(table.toLowerCase(Locale.ROOT))) {
          continue;
        }
        List<String> columns = new ArrayList<>();
        List<Boolean> binary = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
          while (rs.next()) {
            int type = rs.getInt("DATA_TYPE");
            boolean text = type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR || type == Types.CLOB
                || type == Types.NVARCHAR || type == Types.NCHAR || type == Types.LONGNVARCHAR || type == Types.NCLOB;
            boolean bytes = type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY;
            if (text || bytes) {
              columns.add(rs.getString("COLUMN_NAME"));
              binary.add(bytes);
            }
          }
        }
        if (columns.isEmpty()) {
          continue;
        }
        // rows sorted by their content, so a fingerprint does not depend on the order the database returns them in
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT " + String.join(", ", columns.stream().map(col -> "\"" + col + "\"").toList())
                + " FROM \"" + table + "\"")) {
          while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
              row.add(binary.get(i) ? decode(rs.getBytes(i + 1)) : rs.getString(i + 1));
            }
            rows.add(row);
          }
        }
        rows.sort(java.util.Comparator.comparing(Object::toString));
        for (List<String> row : rows) {
          for (int i = 0; i < columns.size(); i++) {
            if (row.get(i) != null) {
              visitor.value(table, columns.get(i), row.get(i));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("%PDF")) {
      try (var pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
        return text + "\n" + new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      } catch (java.io.IOException e) {
        return text;
      }
    }
    return text;
  }
}
