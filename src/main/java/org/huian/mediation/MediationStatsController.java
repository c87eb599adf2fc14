package org.huian.mediation;

import com.fasterxml.jackson.annotation.JsonProperty;
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

  /** Agreements per bucket: in force and awaiting fulfilment, fulfilled, breached. */
  record MediationCounts(@JsonProperty("AGREED") long agreed, @JsonProperty("RESOLVED_FULFILLED") long fulfilled,
      @JsonProperty("BREACHED") long breached) {

    static final MediationCounts NONE = new MediationCounts(0, 0, 0);

    MediationCounts plus(String bucket, long n) {
      return switch (bucket) {
        case "AGREED" -> new MediationCounts(agreed + n, fulfilled, breached);
        case "RESOLVED_FULFILLED" -> new MediationCounts(agreed, fulfilled + n, breached);
        default -> new MediationCounts(agreed, fulfilled, breached + n);
      };
    }
  }

  /** The unit (and its level) where the agreements were reached. */
  record MediationUnitCounts(String code, String name, String level, MediationCounts counts) {}

  /** {@code byLevel}: keyed by level (GRID, COMMUNITY, STREET, DISTRICT), only levels with agreements. */
  record MediationStats(MediationCounts totals, Map<String, MediationCounts> byLevel, List<MediationUnitCounts> byUnit) {}

  @io.swagger.v3.oas.annotations.Operation(summary = "调解统计：已达成待履行、已履行办结、违约",
      description = "按达成协议时的层级和单位统计，只计调用者可见的案件。")
  @GetMapping("/api/stats/mediation")
  MediationStats stats(@RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    StringBuilder sql = new StringBuilder("SELECT a.agreed_level, a.agreed_unit, a.status, COUNT(*) AS n FROM agreements a "
        + "JOIN cases c ON c.case_no = a.case_no WHERE a.status IN ('EFFECTIVE', 'FULFILLED', 'BREACHED')");
    List<Object> args = new ArrayList<>();
    user.scope().appendSql(sql, args, "c");
    sql.append(" GROUP BY a.agreed_level, a.agreed_unit, a.status ORDER BY a.agreed_level, a.agreed_unit");
    MediationCounts[] totals = {MediationCounts.NONE};
    Map<String, MediationCounts> byLevel = new LinkedHashMap<>();
    Map<String, MediationUnitCounts> byUnit = new LinkedHashMap<>();
    jdbc.sql(sql.toString()).params(args).query((rs, n) -> {
      String bucket = BUCKETS.get(rs.getString(3));
      long count = rs.getLong(4);
      String level = rs.getString(1);
      totals[0] = totals[0].plus(bucket, count);
      byLevel.put(level, byLevel.getOrDefault(level, MediationCounts.NONE).plus(bucket, count));
      MediationUnitCounts unit = byUnit.computeIfAbsent(rs.getString(2), code -> new MediationUnitCounts(code,
          geography.find(code).map(x -> x.name()).orElse(code), level, MediationCounts.NONE));
      byUnit.put(unit.code(), new MediationUnitCounts(unit.code(), unit.name(), unit.level(), unit.counts().plus(bucket, count)));
      return null;
    }).list();
    return new MediationStats(totals[0], byLevel, new ArrayList<>(byUnit.values()));
  }
}
