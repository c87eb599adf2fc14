package org.huian.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huian.geography.Geography;
import org.huian.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The targeted supervision orders (靶向督办令) the health-check report opens for RED units. */
@Repository
public class SupervisionOrders {

  public enum Status {
    OPEN,
    ESCALATED,
    DONE
  }

  public record Order(String orderNo, String period, String unitCode, String unitName, String level, double score, String focus,
      Instant deadline, Status status, String escalatedTo, String measures, String completedBy, Instant completedAt, Instant createdAt) {}

  private final JdbcClient jdbc;
  private final RiskRepository repository;
  private final Geography geography;

  SupervisionOrders(JdbcClient jdbc, RiskRepository repository, Geography geography) {
    this.jdbc = jdbc;
    this.repository = repository;
    this.geography = geography;
  }

  public String open(String period, String unitCode, String level, double score, String focus, Instant deadline, Instant now) {
    String orderNo = "DB" + period.replace("-", "") + String.format("%05d", repository.nextOrderSequence() % 100_000);
    jdbc.sql("INSERT INTO supervision_orders (order_no, period, unit_code, level, score, focus, deadline, status, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
        .params(orderNo, period, unitCode, level, score, focus, RiskRepository.ts(deadline), RiskRepository.ts(now)).update();
    return orderNo;
  }

  public void escalate(String orderNo, String to) {
    jdbc.sql("UPDATE supervision_orders SET status = 'ESCALATED', escalated_to = ? WHERE order_no = ?").params(to, orderNo).update();
  }

  public void complete(String orderNo, String measures, String by, Instant at) {
    jdbc.sql("UPDATE supervision_orders SET status = 'DONE', measures = ?, completed_by = ?, completed_at = ? WHERE order_no = ?")
        .params(measures, by, RiskRepository.ts(at), orderNo).update();
  }

  /** Orders of units within the scope (a street sees its own and its communities'), newest first. */
  public List<Order> list(Scope scope, String status) {
    StringBuilder sql = new StringBuilder("SELECT * FROM supervision_orders WHERE 1=1");
    List<Object> args = new ArrayList<>();
    if (status != null) {
      sql.append(" AND status = ?");
      args.add(status);
    }
    List<Order> all = jdbc.sql(sql + " ORDER BY created_at DESC, order_no DESC").params(args)
        .query((rs, n) -> new Order(rs.getString("order_no"), rs.getString("period"), rs.getString("unit_code"),
            geography.find(rs.getString("unit_code")).map(u -> u.name()).orElse(rs.getString("unit_code")), rs.getString("level"),
            rs.getDouble("score"), rs.getString("focus"), RiskRepository.instant(rs, "deadline"), Status.valueOf(rs.getString("status")),
            rs.getString("escalated_to"), rs.getString("measures"), rs.getString("completed_by"),
            RiskRepository.instant(rs, "completed_at"), RiskRepository.instant(rs, "created_at")))
        .list();
    return all.stream().filter(o -> scope.all() || scope.units().contains(o.unitCode())
        || geography.find(o.unitCode()).map(u -> scope.streets().contains(u.parentCode())).orElse(false)).toList();
  }
}
