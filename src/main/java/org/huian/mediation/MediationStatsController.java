package org.huian.mediation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huian.geography.Geography;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stats/mediation}: agreements in force (AGREED, fulfilment pending), fulfilled
 * (RESOLVED_FULFILLED) and breached (BREACHED), per level and unit where they were reached, over
 * the cases the caller may see. "Agreement reached" and "agreement carried out" stay apart.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "调解与履行")
class MediationStatsController {

  static final Map<String, String> BUCKETS = Map.of("EFFECTIVE", "AGREED", "FULFILLED", "RESOLVED_FULFILLED", "BREACHED", "BREACHED");

  private final JdbcClient jdbc;
  private final Geography geography;

  MediationStatsController(JdbcClient jdbc, Geography geography) {
    this.jdbc = jdbc;
    this.geography = geography;
  }

  @io.swagger.v3.oas.annotations.Operation(summary = "调解统计：已达成待履行、已履行办结、违约",
      description = "按达成协议时的层级和单位统计，只计调用者可见的案件。")
  @GetMapping("/api/stats/mediation")
  Map<String, Object> stats(@RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    StringBuilder sql = new StringBuilder("SELECT a.agreed_level, a.agreed_unit, a.status, COUNT(*) AS n FROM agreements a "
        + "JOIN cases c ON c.case_no = a.case_no WHERE a.status IN ('EFFECTIVE', 'FULFILLED', 'BREACHED')");
    List<Object> args = new ArrayList<>();
    user.scope().appendSql(sql, args, "c");
    sql.append(" GROUP BY a.agreed_level, a.agreed_unit, a.status ORDER BY a.agreed_level, a.agreed_unit");
    Map<String, Long> totals = emptyCounts();
    Map<String, Map<String, Long>> byLevel = new LinkedHashMap<>();
    Map<String, Map<String, Object>> byUnit = new LinkedHashMap<>();
    jdbc.sql(sql.toString()).params(args).query((rs, n) -> {
      String bucket = BUCKETS.get(rs.getString(3));
      long count = rs.getLong(4);
      totals.merge(bucket, count, Long::sum);
      byLevel.computeIfAbsent(rs.getString(1), k -> emptyCounts()).merge(bucket, count, Long::sum);
      String level = rs.getString(1);
      Map<String, Object> unit = byUnit.computeIfAbsent(rs.getString(2), code -> {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("code", code);
        u.put("name", geography.find(code).map(x -> x.name()).orElse(code));
        u.put("level", level);
        u.put("counts", emptyCounts());
        return u;
      });
      @SuppressWarnings("unchecked")
      Map<String, Long> counts = (Map<String, Long>) unit.get("counts");
      counts.merge(bucket, count, Long::sum);
      return null;
    }).list();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("totals", totals);
    out.put("byLevel", byLevel);
    out.put("byUnit", new ArrayList<>(byUnit.values()));
    return out;
  }

  private static Map<String, Long> emptyCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("AGREED", 0L);
    m.put("RESOLVED_FULFILLED", 0L);
    m.put("BREACHED", 0L);
    return m;
  }

}
