package org.huian.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huian.geography.Geography;
import org.huian.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads linked-risk clusters with their items, limited to what a caller's units may see. */
@Component
public class ClusterQueries {

  public record Item(String kind, String ref, Instant occurredAt, String streetCode, String communityCode, String gridId) {}

  public record ClusterView(String clusterNo, String label, String matchedKeys, int itemCount, String streetCode,
      String streetName, Instant firstAt, Instant lastAt, String status, List<Item> items) {}

  private final JdbcClient jdbc;
  private final Geography geography;

  ClusterQueries(JdbcClient jdbc, Geography geography) {
    this.jdbc = jdbc;
    this.geography = geography;
  }

  public List<ClusterView> list(Scope scope, String status) {
    StringBuilder sql = new StringBuilder("SELECT DISTINCT cluster_no FROM risk_cluster_items WHERE cluster_no IN "
        + "(SELECT cluster_no FROM risk_clusters WHERE status = ?)");
    List<Object> args = new ArrayList<>(List.of(status));
    scope.appendAreaSql(sql, args, "");
    List<String> numbers = jdbc.sql(sql + " ORDER BY cluster_no DESC").params(args).query(String.class).list();
    return numbers.stream().map(n -> get(n).orElseThrow()).toList();
  }

  public Optional<ClusterView> get(String clusterNo) {
    List<Item> items = jdbc.sql("SELECT item_kind, item_ref, occurred_at, street_code, community_code, grid_id FROM risk_cluster_items "
            + "WHERE cluster_no = ? ORDER BY occurred_at, item_ref")
        .param(clusterNo)
        .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), RiskRepository.instant(rs, "occurred_at"), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .list();
    return jdbc.sql("SELECT * FROM risk_clusters WHERE cluster_no = ?").param(clusterNo)
        .query((rs, n) -> new ClusterView(rs.getString("cluster_no"), rs.getString("label"), rs.getString("matched_keys"),
            rs.getInt("item_count"), rs.getString("street_code"), geography.get(rs.getString("street_code")).name(),
            RiskRepository.instant(rs, "first_at"), RiskRepository.instant(rs, "last_at"), rs.getString("status"), items))
        .optional();
  }
}
