package org.huian.risk;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.huian.cases.Category;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes the safety index (平安指数) of every grid, community and street from the project's
 * tables: one aggregate query per source, the factor arithmetic of {@link RiskCalculator}, and
 * the colours of {@code risk-colour.dmn}. Results are kept for a minute (the current moment) or
 * ten minutes (a past week), since a heat map, a forecast and a report ask for the same weeks.
 */
@Service
public class RiskIndexService {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RiskIndexService.class);
  public static final String COLOUR_DECISION = "risk-colour";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Duration NOW_TTL = Duration.ofMinutes(1);
  private static final Duration PAST_TTL = Duration.ofMinutes(10);

  /** Every unit's index at one moment. */
  public record Snapshot(Instant at, Map<String, UnitIndex> units) {
    public List<UnitIndex> level(Level level) {
      return units.values().stream().filter(u -> u.level() == level).toList();
    }

    public UnitIndex unit(String code) {
      return units.get(code);
    }
  }

  /** A computed snapshot, fresh until the given moment, for the unit tree and the risk-colour version it was computed with. */
  private record Cached(Snapshot snapshot, Instant until, Object tree, String colourDecisionId) {}

  private final JdbcClient jdbc;
  private final RiskProperties properties;
  private final Geography geography;
  /** The grid layout of the unit tree it was built from; rebuilt when an import replaced the tree. */
  private volatile GridLoads.Layout layout;
  private volatile Object layoutOf;
  private final ProcessEngine engine;
  private final ReportWeights weights;
  private final RiskRepository repository;
  private final Map<IndexFilter, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();
  private final DmnEngine plainDmn = org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> decisions = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, UnitIndex.Colour[]> colourTables = new java.util.concurrent.ConcurrentHashMap<>();

  RiskIndexService(JdbcClient jdbc, RiskProperties properties, Geography geography, ProcessEngine engine,
      ReportWeights weights, RiskRepository repository) {
    this.weights = weights;
    this.repository = repository;
    this.jdbc = jdbc;
    this.properties = properties;
    this.geography = geography;
    this.layout = new GridLoads.Layout(geography);
    this.layoutOf = geography.version();
    this.engine = engine;
  }

  public RiskProperties properties() {
    return properties;
  }

  /** The default filter at a moment: every category and kind, the configured look-back. */
  public IndexFilter filter(Instant at) {
    return new IndexFilter(at, properties.lookback(), Set.of(), Set.of());
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The index of every unit under the filter, from the cache when it is fresh. */
  public Snapshot snapshot(IndexFilter filter) {
    Instant now = now();
    boolean current = filter.at().isAfter(now.minus(NOW_TTL));
    IndexFilter key = current ? filter.at(now.truncatedTo(ChronoUnit.MINUTES)) : filter;
    Cached hit = cache.get(key);
    Object tree = geography.version();
    // a designer's new risk-colour.dmn takes effect on the next computation, not after the cache's minute
    String colours = latestColourDecision().getId();
    if (hit != null && hit.until().isAfter(now) && hit.tree() == tree && hit.colourDecisionId().equals(colours)) {
      return hit.snapshot();
    }
    Snapshot snapshot = compute(current ? filter.at(now) : filter);
    if (cache.size() > 500) {
      cache.clear();
    }
    cache.put(key, new Cached(snapshot, now.plus(current ? NOW_TTL : PAST_TTL), tree, colours));
    return snapshot;
  }

  /** Forgets cached results, e.g. after a bulk import. */
  public void invalidate() {
    cache.clear();
  }

  /** Computes without the cache: loads per grid, then every unit's score, explanation and colour. */
  public Snapshot compute(IndexFilter filter) {
    long started = System.nanoTime();
    GridLoads loads = loads(filter);
    long loaded = System.nanoTime();
    DmnColours colours = new DmnColours();
    Map<String, UnitIndex> units = new LinkedHashMap<>();
    for (Level level : List.of(Level.DISTRICT, Level.STREET, Level.COMMUNITY, Level.GRID)) {
      for (Unit u : geography.all(level)) {
        RiskCalculator.Explanation e = RiskCalculator.explain(loads.meanOf(u.code()), properties.saturation());
        units.put(u.code(), new UnitIndex(u.code(), u.name(), u.level(), u.parentCode(), round(e.score()),
            colours.of(level, e.score()), e.load(), e.factors()));
      }
    }
    log.debug("index at {}: loads {} ms, scores and colours {} ms", filter.at(), (loaded - started) / 1_000_000,
        (System.nanoTime() - loaded) / 1_000_000);
    return new Snapshot(filter.at(), units);
  }

  /** The end of each of the last {@code weeks} weeks (Monday 00:00 Beijing time), oldest first; the last is now. */
  public List<Instant> weekEnds(int weeks) {
    Instant now = now();
    ZonedDateTime monday = now.atZone(ZONE).truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    List<Instant> ends = new ArrayList<>();
    for (int i = weeks - 1; i >= 1; i--) {
      ends.add(monday.minusWeeks(i - 1L).toInstant());
    }
    ends.add(now);
    return ends;
  }

  /** Loads every factor into the grids; each source is one query. */
  GridLoads loads(IndexFilter f) {
    GridLoads loads = new GridLoads(layout());
    Instant at = f.at();
    Instant from = at.minus(f.window());
    double lambda = properties.decayPerSecond();
    double atSeconds = at.getEpochSecond();
    String categories = f.categories().isEmpty() ? "" : " AND c.category IN (" + f.categories().stream()
        .map(c -> "'" + c.name() + "'").collect(Collectors.joining(",")) + ")";

    // grid reports: the stored weights (severity × decay to the basis), brought to the moment
    if (f.categories().isEmpty() || !f.kinds().isEmpty()) {
      ReportWeights.Basis basis = weights.ensure(now());
      double toMoment = basis.toMoment(at);
      String kinds = f.kinds().isEmpty() ? "" : " AND kind IN (" + f.kinds().stream().map(k -> "'" + k.name() + "'")
          .collect(Collectors.joining(",")) + ")";
      // a bound that every report satisfies is left out (MIN and MAX come from the time index)
      List<Object> args = new ArrayList<>();
      StringBuilder where = new StringBuilder(" WHERE 1=1");
      jdbc.sql("SELECT MIN(occurred_at), MAX(occurred_at) FROM grid_reports").query((ResultSet rs) -> {
        Instant first = RiskRepository.instant(rs, 1);
        Instant last = RiskRepository.instant(rs, 2);
        if (first == null || !first.isAfter(from)) {
          where.append(" AND occurred_at > ?");
          args.add(RiskRepository.ts(from));
        }
        if (last == null || last.isAfter(at)) {
          where.append(" AND occurred_at <= ?");
          args.add(RiskRepository.ts(at));
        }
      });
      jdbc.sql("SELECT grid_id, SUM(weight), SUM(sentiment_weight) FROM grid_reports" + where + kinds + " GROUP BY grid_id")
          .params(args)
          .query((ResultSet rs) -> {
            Integer g = loads.gridIndex(rs.getString(1));
            if (g == null) {
              return;
            }
            loads.addToGrid(g, RiskFactor.GRID_REPORTS, rs.getDouble(2) * toMoment * properties.weight(RiskFactor.GRID_REPORTS));
            loads.addToGrid(g, RiskFactor.SENTIMENT, rs.getDouble(3) * toMoment * properties.weight(RiskFactor.SENTIMENT));
          });
    }
    boolean casesCount = f.kinds().isEmpty() || !f.categories().isEmpty();
    if (!casesCount) {
      return loads;
    }
    // open cases at the moment: category weight × age factor; overdue; mass. Summed per grid and
    // category in the database: a province may hold 100,000 open cases, and the age factor is
    // linear in the clamped age (RiskCalculator.ageFactorSum).
    String age = "(? - " + repository.epochSeconds("c.created_at") + ") / 86400.0";
    jdbc.sql("SELECT c.street_code, c.community_code, c.grid_id, c.category, COUNT(*), "
            + "SUM(LEAST(GREATEST(" + age + ", 0), ?)), "
            + "SUM(CASE WHEN c.deadline < ? THEN 1 ELSE 0 END), SUM(CASE WHEN c.people_involved >= ? THEN 1 ELSE 0 END) FROM cases c "
            + "WHERE c.created_at <= ? AND (c.closed_at IS NULL OR c.closed_at > ?)" + categories
            + " GROUP BY c.street_code, c.community_code, c.grid_id, c.category")
        .params(atSeconds, RiskCalculator.AGE_CAP_DAYS, RiskRepository.ts(at), properties.massThreshold(), RiskRepository.ts(at),
            RiskRepository.ts(at))
        .query((ResultSet rs) -> {
          String street = rs.getString(1);
          String community = rs.getString(2);
          String grid = rs.getString(3);
          Category category = GridReportValidator.parse(Category.class, rs.getString(4));
          loads.add(street, community, grid, RiskFactor.OPEN_CASES, properties.weight(RiskFactor.OPEN_CASES)
              * (category == null ? 1 : properties.categoryWeight(category)) * RiskCalculator.ageFactorSum(rs.getLong(5), rs.getDouble(6)));
          loads.add(street, community, grid, RiskFactor.OVERDUE_CASES, properties.weight(RiskFactor.OVERDUE_CASES) * rs.getLong(7));
          loads.add(street, community, grid, RiskFactor.MASS_CASES, properties.weight(RiskFactor.MASS_CASES) * rs.getLong(8));
        });
    // escalations: decay with age
    jdbc.sql("SELECT c.street_code, c.community_code, c.grid_id, e.occurred_at FROM escalations e JOIN cases c ON c.case_no = e.case_no "
            + "WHERE e.occurred_at > ? AND e.occurred_at <= ?" + categories)
        .params(RiskRepository.ts(from), RiskRepository.ts(at))
        .query((ResultSet rs) -> loads.add(rs.getString(1), rs.getString(2), rs.getString(3), RiskFactor.ESCALATIONS,
            properties.weight(RiskFactor.ESCALATIONS) * RiskCalculator.decay(
                atSeconds - RiskRepository.instant(rs, "occurred_at").getEpochSecond(), lambda)));
    // agreements in force (or breached) with an instalment or action missed or breached
    jdbc.sql("SELECT c.street_code, c.community_code, c.grid_id, COUNT(DISTINCT a.id) FROM agreements a "
            + "JOIN cases c ON c.case_no = a.case_no JOIN obligations o ON o.agreement_id = a.id "
            + "JOIN fulfilment_items i ON i.obligation_id = o.id "
            + "WHERE a.created_at <= ? AND a.status IN ('EFFECTIVE', 'BREACHED') AND i.status IN ('MISSED', 'BREACHED')" + categories
            + " GROUP BY c.street_code, c.community_code, c.grid_id")
        .param(RiskRepository.ts(at))
        .query((ResultSet rs) -> loads.add(rs.getString(1), rs.getString(2), rs.getString(3), RiskFactor.UNFULFILLED_AGREEMENTS,
            properties.weight(RiskFactor.UNFULFILLED_AGREEMENTS) * rs.getLong(4)));
    // open linked-risk clusters: once for every grid they touch
    Map<String, List<String[]>> clusters = new HashMap<>();
    jdbc.sql("SELECT i.cluster_no, i.street_code, i.community_code, i.grid_id FROM risk_cluster_items i "
            + "JOIN risk_clusters r ON r.cluster_no = i.cluster_no WHERE r.status = 'OPEN' AND r.first_at <= ? AND i.occurred_at <= ?")
        .params(RiskRepository.ts(at), RiskRepository.ts(at))
        .query((ResultSet rs) -> {
          clusters.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
        });
    for (List<String[]> items : clusters.values()) {
      GridLoads.Layout layout = layout();
      GridLoads touched = new GridLoads(layout);
      for (String[] i : items) {
        touched.add(i[0], i[1], i[2], RiskFactor.LINKED_RISKS, 1);
      }
      for (int g = 0; g < layout.size(); g++) {
        double share = touched.meanOf(layout.grids.get(g))[RiskFactor.LINKED_RISKS.ordinal()];
        if (share > 0) {
          loads.addToGrid(g, RiskFactor.LINKED_RISKS, properties.weight(RiskFactor.LINKED_RISKS) * Math.min(1, share));
        }
      }
    }
    return loads;
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /**
   * The latest shared version of risk-colour.dmn (binding {@code latest}, like the decisions of the
   * processes): a designer's deployment of that file alone decides the next computation. The
   * definition is read from the database each time, so every node of a cluster sees it at once.
   */
  DecisionDefinitionEntity latestColourDecision() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return cfg.getCommandExecutorTxRequired().execute(ctx -> {
      DecisionDefinitionEntity d = ctx.getDecisionDefinitionManager().findLatestDefinitionByKeyAndTenantId(COLOUR_DECISION, null);
      if (d == null) {
        throw new IllegalStateException("decision " + COLOUR_DECISION + " is not deployed");
      }
      return d;
    });
  }

  /**
   * The colour thresholds of the latest risk-colour.dmn, evaluated by a plain DMN engine in
   * memory: the engine's own DMN engine would write a decision-history entry for every unit.
   */
  final class DmnColours {
    private final DmnDecision decision;

    DmnColours() {
      ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      DecisionDefinitionEntity latest = latestColourDecision();
      this.decisionId = latest.getId();
      this.decision = decisions.computeIfAbsent(latest.getId(), id -> {
        byte[] xml = cfg.getCommandExecutorTxRequired().execute(ctx -> ctx.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName()).getBytes());
        return plainDmn.parseDecision(COLOUR_DECISION, new java.io.ByteArrayInputStream(xml));
      });
    }

    private final String decisionId;

    /**
     * The colour of a score as shown (rounded to 0.1). The table of every shown value 0.0–100.0
     * is evaluated once per deployed decision and level, then looked up: exact, and free per unit.
     */
    UnitIndex.Colour of(Level level, double score) {
      UnitIndex.Colour[] table = colourTables.computeIfAbsent(decisionId + "|" + level, k -> {
        UnitIndex.Colour[] t = new UnitIndex.Colour[1001];
        for (int i = 0; i <= 1000; i++) {
          t[i] = evaluate(level, i / 10.0);
        }
        return t;
      });
      return table[(int) Math.round(Math.max(0, Math.min(100, score)) * 10)];
    }

    private UnitIndex.Colour evaluate(Level level, double score) {
      Object colour = plainDmn.evaluateDecisionTable(decision, Variables.createVariables()
          .putValue("level", level.name()).putValue("score", score)).getSingleResult().getSingleEntry();
      return UnitIndex.Colour.valueOf((String) colour);
    }
  }

  private GridLoads.Layout layout() {
    Object version = geography.version();
    if (version != layoutOf) {
      layout = new GridLoads.Layout(geography);
      layoutOf = version;
    }
    return layout;
  }
}
