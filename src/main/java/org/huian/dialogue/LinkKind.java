package org.huian.dialogue;

/**
 * What a problem of the problem list may be tied to. Cases are checked against {@code cases}; grid
 * reports and risk clusters against {@code grid_reports} / {@code risk_clusters} once risk
 * monitoring has created those tables, and accepted as plain references until then.
 */
public enum LinkKind {
  CASE("案件", "cases", "case_no"),
  GRID_REPORT("网格上报", "grid_reports", "report_no"),
  RISK_CLUSTER("关联风险", "risk_clusters", "cluster_no");

  private final String nameZh;
  private final String table;
  private final String column;

  LinkKind(String nameZh, String table, String column) {
    this.nameZh = nameZh;
    this.table = table;
    this.column = column;
  }

  public String nameZh() {
    return nameZh;
  }

  String table() {
    return table;
  }

  String column() {
    return column;
  }
}
