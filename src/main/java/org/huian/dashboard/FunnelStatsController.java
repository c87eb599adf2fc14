package org.huian.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.security.Districts;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stats/funnel}: the funnel at a glance, over the cases the caller may see that were
 * taken in within the window: per level what is in progress, what was resolved there and what went
 * up; the share each level kept ("小事不出社区、常事不出街道、难事不出区"); the on-time rate, the
 * average handling time, satisfaction from return visits, and the list of cases in warning or breach.
 */
@RestController
@Tag(name = "态势", description = "矛盾纠纷化解态势")
class FunnelStatsController {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  /** One level: in progress, resolved there, sent up, and the share it kept of what it finished (absent: none yet). */
  record LevelFunnel(long inProgress, long resolvedHere, long escalatedUp, String level, String levelName, Double keptShare) {}

  /** A case in warning (AMBER) or breach (RED); {@code unit} is the handling unit's name. */
  record OverdueCase(String caseNo, String title, String level, String unit, Instant deadline, String sla) {}

  /** The rates are shares between 0 and 1, absent while nothing was closed (or no return visit answered). */
  record FunnelStats(LocalDate from, LocalDate to, String streetCode, List<LevelFunnel> levels, long closed, Double onTimeRate,
      Double averageHandlingHours, Double satisfaction, List<OverdueCase> overdue) {}

  private final JdbcClient jdbc;
  private final Geography geography;
  private final Districts districts;

  FunnelStatsController(JdbcClient jdbc, Geography geography, Districts districts) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.districts = districts;
  }

  @Operation(summary = "四级化解态势", description = "按层级统计在办、本级化解、上交数量与留存比例，以及按时办结率、平均办理时长、满意率和临期/超期清单。"
      + "from/to 为受理日期（含），默认最近 90 天。")
  @GetMapping("/api/stats/funnel")
  FunnelStats funnel(@RequestParam(required = false) String streetCode, @RequestParam(required = false) String district,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    List<FieldError> errors = new ArrayList<>();
    if (streetCode != null && geography.find(streetCode).filter(u -> u.level() == Level.STREET).isEmpty()) {
      errors.add(new FieldError("streetCode", "街道代码未登记"));
    }
    LocalDate toDay = parse(errors, "to", to, LocalDate.now(BEIJING));
    LocalDate fromDay = parse(errors, "from", from, toDay.minusDays(89));
    if (errors.isEmpty() && fromDay.isAfter(toDay)) {
      errors.add(new FieldError("from", "开始日期不能晚于结束日期"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    StringBuilder where = new StringBuilder(" WHERE c.created_at >= ? AND c.created_at < ?");
    List<Object> args = new ArrayList<>(List.of(ts(fromDay), ts(toDay.plusDays(1))));
    if (streetCode != null) {
      where.append(" AND c.street_code = ?");
      args.add(streetCode);
    }
    if (district != null) {
      List<String> streets = geography.all(Level.STREET, districts.resolve(user, district).code()).stream().map(u -> u.code()).toList();
      where.append(" AND c.street_code IN (").append(String.join(", ", streets.stream().map(x -> "?").toList())).append(")");
      args.addAll(streets);
    }
    user.scope().appendSql(where, args, "c");

    Map<String, Map<String, Long>> levels = new LinkedHashMap<>();
    for (Level l : Level.values()) {
      Map<String, Long> m = new LinkedHashMap<>();
      m.put("inProgress", 0L);
      m.put("resolvedHere", 0L);
      m.put("escalatedUp", 0L);
      levels.put(l.name(), m);
    }
    jdbc.sql("SELECT c.level, CASE WHEN c.status IN ('CLOSED', 'RESOLVED_FULFILLED', 'DUPLICATE') THEN 'done' ELSE 'open' END, COUNT(*) "
            + "FROM cases c" + where + " AND c.level IS NOT NULL GROUP BY c.level, CASE WHEN c.status IN ('CLOSED', 'RESOLVED_FULFILLED', 'DUPLICATE') THEN 'done' ELSE 'open' END")
        .params(args).query((rs, n) -> levels.get(rs.getString(1)).put("done".equals(rs.getString(2)) ? "resolvedHere" : "inProgress", rs.getLong(3)))
        .list();
    jdbc.sql("SELECT e.from_level, COUNT(DISTINCT e.case_no) FROM escalations e JOIN cases c ON c.case_no = e.case_no" + where
            + " GROUP BY e.from_level")
        .params(args).query((rs, n) -> levels.get(rs.getString(1)).put("escalatedUp", rs.getLong(2))).list();
    List<LevelFunnel> perLevel = new ArrayList<>();
    for (Level l : Level.values()) {
      Map<String, Long> m = levels.get(l.name());
      long handled = m.get("resolvedHere") + m.get("escalatedUp");
      perLevel.add(new LevelFunnel(m.get("inProgress"), m.get("resolvedHere"), m.get("escalatedUp"), l.name(), l.nameZh(),
          handled == 0 ? null : Math.round(1000.0 * m.get("resolvedHere") / handled) / 1000.0));
    }

    long closed = 0;
    long onTime = 0;
    long minutes = 0;
    record ClosedCase(Instant created, Instant done, String sla, long late) {}
    for (ClosedCase r : jdbc.sql("SELECT c.created_at, c.closed_at, c.sla, (SELECT COUNT(*) FROM escalations e "
            + "WHERE e.case_no = c.case_no AND e.reason = 'DEADLINE') AS late FROM cases c" + where
            + " AND c.status IN ('CLOSED', 'RESOLVED_FULFILLED') AND c.closed_at IS NOT NULL")
        .params(args).query((rs, n) -> new ClosedCase(instant(rs.getObject("created_at")), instant(rs.getObject("closed_at")),
            rs.getString("sla"), rs.getLong("late"))).list()) {
      closed++;
      minutes += Duration.between(r.created(), r.done()).toMinutes();
      if (r.late() == 0 && !"RED".equals(r.sla())) {
        onTime++;
      }
    }
    long satisfied = count("SELECT COUNT(*) FROM case_events ev JOIN cases c ON c.case_no = ev.case_no" + where
        + " AND ev.event_type = 'FEEDBACK' AND ev.note LIKE '回访结果：满意%'", args);
    long dissatisfied = count("SELECT COUNT(*) FROM case_events ev JOIN cases c ON c.case_no = ev.case_no" + where
        + " AND ev.event_type = 'FEEDBACK' AND ev.note LIKE '回访结果：不满意%'", args);

    List<OverdueCase> overdue = new ArrayList<>();
    jdbc.sql("SELECT c.case_no, c.title, c.level, c.unit_code, c.deadline, c.sla FROM cases c" + where
            + " AND c.sla IN ('AMBER', 'RED') AND c.status NOT IN ('CLOSED', 'RESOLVED_FULFILLED', 'DUPLICATE') ORDER BY c.deadline LIMIT 100")
        .params(args).query((rs, n) -> new OverdueCase(rs.getString("case_no"), rs.getString("title"), rs.getString("level"),
            geography.find(rs.getString("unit_code")).map(u -> u.name()).orElse(rs.getString("unit_code")),
            instant(rs.getObject("deadline")), rs.getString("sla")))
        .list().forEach(overdue::add);

    return new FunnelStats(fromDay, toDay, streetCode, perLevel, closed,
        closed == 0 ? null : Math.round(1000.0 * onTime / closed) / 1000.0,
        closed == 0 ? null : Math.round(10.0 * minutes / 60.0 / closed) / 10.0,
        satisfied + dissatisfied == 0 ? null : Math.round(1000.0 * satisfied / (satisfied + dissatisfied)) / 1000.0,
        overdue);
  }

  private long count(String sql, List<Object> args) {
    return jdbc.sql(sql).params(args).query(Long.class).single();
  }

  private static LocalDate parse(List<FieldError> errors, String field, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value);
    } catch (RuntimeException e) {
      errors.add(new FieldError(field, "日期格式应为 YYYY-MM-DD"));
      return fallback;
    }
  }

  private static OffsetDateTime ts(LocalDate day) {
    return day.atStartOfDay(BEIJING).toOffsetDateTime();
  }

  private static Instant instant(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (v instanceof Instant i) {
      return i;
    }
    return OffsetDateTime.parse(v.toString()).toInstant();
  }

}
