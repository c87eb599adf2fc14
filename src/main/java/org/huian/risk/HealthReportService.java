package org.huian.risk;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.report.PdfReport;
import org.huian.security.Scope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The safety-index health-check report (平安指数体检报告): one PDF per street and one for the
 * district, each with the index, colour, trend chart with forecast, top factors, overdue cases,
 * linked-risk clusters and the suggested focus; stored with the index snapshot it was based on.
 */
@Service
public class HealthReportService {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(RiskIndexService.ZONE);
  static final int TREND_WEEKS = 12;
  /** How many photo thumbnails the report shows beside a listed case. */
  static final int PHOTOS_PER_CASE = 3;

  public record Issued(String period, List<String> redUnits, int reports) {}

  public record StoredReport(long id, String period, String unitCode, String unitName, String title, double score, String colour,
      Instant createdAt, int bytes) {}

  private final RiskIndexService index;
  private final RiskTrendService trends;
  private final ClusterQueries clusters;
  private final Geography geography;
  private final JdbcClient jdbc;
  private final PdfReport pdf;
  private final ObjectProvider<CasePhotos> photos;

  HealthReportService(RiskIndexService index, RiskTrendService trends, ClusterQueries clusters, Geography geography, JdbcClient jdbc,
      PdfReport pdf, ObjectProvider<CasePhotos> photos) {
    this.index = index;
    this.trends = trends;
    this.clusters = clusters;
    this.geography = geography;
    this.jdbc = jdbc;
    this.pdf = pdf;
    this.photos = photos;
  }

  /** The month a run reports on: the month of the day before (the 1st reports the month that ended). */
  public static String periodOf(Instant now) {
    return YearMonth.from(now.minusSeconds(86400).atZone(RiskIndexService.ZONE)).toString();
  }

  /** Computes, renders and stores the reports of a period; answers the RED streets and communities. */
  public Issued issue(String period, String processInstanceId) {
    List<RiskIndexService.Snapshot> weekly = trends.weekly(TREND_WEEKS);
    RiskIndexService.Snapshot now = weekly.get(weekly.size() - 1);
    List<String> red = new ArrayList<>();
    for (UnitIndex u : now.units().values()) {
      if (u.level() == Level.DISTRICT || u.level() == Level.STREET || u.level() == Level.COMMUNITY) {
        jdbc.sql("INSERT INTO risk_index_snapshots (period, unit_code, level, computed_at, score, colour, factors) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(period, u.unitCode(), u.level().name(), RiskRepository.ts(now.at()), u.score(), u.colour().name(), factorsText(u, 8))
            .update();
      }
      if ((u.level() == Level.STREET || u.level() == Level.COMMUNITY) && u.colour() == UnitIndex.Colour.RED) {
        red.add(u.unitCode());
      }
    }
    int count = 0;
    for (Unit district : geography.districts()) {
      for (Unit street : geography.all(Level.STREET, district.code())) {
        store(period, street.code(), now.unit(street.code()), streetReport(period, street, weekly), processInstanceId);
        count++;
      }
      List<String> districtRed = red.stream().filter(code -> geography.get(code).districtCode().equals(district.code())).toList();
      store(period, district.code(), now.unit(district.code()), districtReport(period, district, weekly, districtRed), processInstanceId);
      count++;
    }
    return new Issued(period, red, count);
  }

  private void store(String period, String unitCode, UnitIndex u, byte[] pdf, String processInstanceId) {
    jdbc.sql("INSERT INTO risk_reports (period, unit_code, title, score, colour, pdf, process_instance_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(period, unitCode, title(period, u.name()), u.score(), u.colour().name(), pdf, processInstanceId,
            RiskRepository.ts(index.now()))
        .update();
  }

  static String title(String period, String unitName) {
    YearMonth m = YearMonth.parse(period);
    return unitName.replace("综治中心", "") + " " + m.getYear() + "年" + m.getMonthValue() + "月平安指数体检报告";
  }

  byte[] streetReport(String period, Unit street, List<RiskIndexService.Snapshot> weekly) {
    return render(pdf, title(period, weekly.get(weekly.size() - 1).unit(street.code()).name()), streetView(street, weekly));
  }

  static byte[] render(PdfReport pdf, String title, HealthReportView.Street report) {
    return pdf.render("health-street", title, Map.of("report", report));
  }

  static byte[] render(PdfReport pdf, String title, HealthReportView.District report) {
    return pdf.render("health-district", title, Map.of("report", report));
  }

  HealthReportView.Street streetView(Unit street, List<RiskIndexService.Snapshot> weekly) {
    RiskIndexService.Snapshot now = weekly.get(weekly.size() - 1);
    UnitIndex u = now.unit(street.code());
    RiskTrendService.Trend trend = trends.trend(street.code(), weekly);
    List<HealthReportView.Area> communities = geography.children(street.code()).stream().map(c -> now.unit(c.code()))
        .sorted(Comparator.comparingDouble(UnitIndex::score))
        .map(c -> area(c, "社区", null))
        .toList();
    return new HealthReportView.Street(DAY.format(now.at()),
        new HealthReportView.Headline(String.valueOf(u.score()), u.colour().name(), u.colour().nameZh(), warningText(trend)),
        chart(trend), factors(u), total(u), communities, overdue(Scope.everything(), street.code()),
        clusters(Scope.everything(), street.code()), focus(u, trend).lines().toList());
  }

  byte[] districtReport(String period, Unit district, List<RiskIndexService.Snapshot> weekly, List<String> red) {
    return render(pdf, title(period, district.shortName()), districtView(district, weekly, red));
  }

  HealthReportView.District districtView(Unit district, List<RiskIndexService.Snapshot> weekly, List<String> red) {
    RiskIndexService.Snapshot now = weekly.get(weekly.size() - 1);
    UnitIndex d = now.unit(district.code());
    List<HealthReportView.Area> streets = now.level(Level.STREET).stream()
        .filter(x -> geography.get(x.unitCode()).districtCode().equals(district.code()))
        .sorted(Comparator.comparingDouble(UnitIndex::score))
        .map(s -> area(s, "街道", warningText(trends.trend(s.unitCode(), weekly))))
        .toList();
    List<HealthReportView.Area> redAreas = red.stream().map(now::unit)
        .map(u -> area(u, u.level() == Level.STREET ? "街道" : "社区", null)).toList();
    Scope districtScope = districtScope(district);
    return new HealthReportView.District(DAY.format(now.at()),
        new HealthReportView.Headline(String.valueOf(d.score()), d.colour().name(), d.colour().nameZh(), "红色单位 " + red.size() + " 个"),
        chart(trends.trend(district.code(), weekly)), streets, factors(d), total(d), redAreas,
        overdue(districtScope, null), clusters(districtScope, null));
  }

  private static HealthReportView.Area area(UnitIndex u, String level, String warning) {
    return new HealthReportView.Area(u.name().replace("综治中心", ""), level, String.valueOf(u.score()), u.colour().name(),
        u.colour().nameZh(), topFactor(u), warning);
  }

  /** The last weeks' index and the forecast, placed in the chart's own coordinates. */
  static HealthReportView.Chart chart(RiskTrendService.Trend trend) {
    DateTimeFormatter md = DateTimeFormatter.ofPattern("M/d").withZone(RiskIndexService.ZONE);
    List<String> labels = new ArrayList<>();
    trend.weeks().forEach(w -> labels.add(md.format(w)));
    for (int h = 1; h <= trend.forecast().size(); h++) {
      labels.add("+" + h);
    }
    List<Double> history = trend.history();
    double min = Math.max(0, Math.floor(Math.min(history.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        trend.forecast().stream().mapToDouble(Double::doubleValue).min().orElse(100)) / 10) * 10 - 10);
    double max = 100;
    double left = 30;
    double right = HealthReportView.Chart.WIDTH - 8;
    double top = 8;
    double bottom = HealthReportView.Chart.HEIGHT - 20;
    int n = labels.size();
    double step = n > 1 ? (right - left) / (n - 1) : 0;
    java.util.function.IntFunction<Double> x = i -> left + step * i;
    java.util.function.DoubleUnaryOperator y = v -> bottom - (Math.max(min, Math.min(max, v)) - min) / (max - min) * (bottom - top);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < history.size(); i++) {
      line.append(point(x.apply(i), y.applyAsDouble(history.get(i))));
    }
    StringBuilder forecast = new StringBuilder();
    if (!history.isEmpty()) {
      forecast.append(point(x.apply(history.size() - 1), y.applyAsDouble(history.get(history.size() - 1))));
    }
    for (int h = 0; h < trend.forecast().size(); h++) {
      forecast.append(point(x.apply(history.size() + h), y.applyAsDouble(trend.forecast().get(h))));
    }
    List<HealthReportView.Tick> yTicks = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      double v = min + (max - min) * i / 4;
      yTicks.add(new HealthReportView.Tick(round(y.applyAsDouble(v)), v == Math.rint(v) ? Long.toString((long) v) : String.format("%.1f", v)));
    }
    List<HealthReportView.Tick> xTicks = new ArrayList<>();
    int every = Math.max(1, (int) Math.ceil(n / 12.0));
    for (int i = 0; i < n; i += every) {
      xTicks.add(new HealthReportView.Tick(round(x.apply(i)), labels.get(i)));
    }
    return new HealthReportView.Chart("近 " + history.size() + " 周平安指数（实线）与之后四周预测（虚线，+n 为之后第 n 周）",
        line.toString().trim(), forecast.toString().trim(), yTicks, xTicks, left, right, top, bottom);
  }

  private static String point(double x, double y) {
    return round(x) + "," + round(y) + " ";
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static List<HealthReportView.Factor> factors(UnitIndex u) {
    return u.factors().stream().filter(c -> c.points() >= 0.05)
        .map(c -> new HealthReportView.Factor(c.name(), String.format("%.2f", c.load()), String.format("%.1f", c.points()))).toList();
  }

  private static HealthReportView.Factor total(UnitIndex u) {
    return new HealthReportView.Factor("合计扣分", String.format("%.2f", u.load()), String.format("%.1f", 100 - u.score()));
  }

  /** The open cases past their deadline (at most 30), each with its first photos. */
  private List<HealthReportView.ListedCase> overdue(Scope scope, String streetCode) {
    StringBuilder sql = new StringBuilder("SELECT case_no, title, level, unit_code, deadline FROM cases WHERE status NOT IN ('CLOSED', 'RESOLVED_FULFILLED', 'DUPLICATE') "
        + "AND deadline < ?" + (streetCode == null ? "" : " AND street_code = ?"));
    List<Object> args = new ArrayList<>(List.of(RiskRepository.ts(index.now())));
    if (streetCode != null) {
      args.add(streetCode);
    }
    scope.appendSql(sql, args, "");
    CasePhotos source = photos.getIfAvailable(() -> (caseNo, max) -> List.of());
    return jdbc.sql(sql + " ORDER BY deadline LIMIT 30").params(args)
        .query((rs, n) -> new HealthReportView.ListedCase(rs.getString(1), rs.getString(2), levelName(rs.getString(3)),
            Optional.ofNullable(rs.getString(4)).flatMap(geography::find).map(Unit::name).orElse("—"),
            DAY.format(RiskRepository.instant(rs, "deadline")), List.of())).list()
        .stream()
        .map(c -> new HealthReportView.ListedCase(c.caseNo(), c.title(), c.level(), c.unit(), c.deadline(),
            source.thumbnails(c.caseNo(), PHOTOS_PER_CASE)))
        .toList();
  }

  /** Everything of one district, as its centre sees it. */
  private Scope districtScope(Unit district) {
    java.util.Set<String> streets = new java.util.HashSet<>();
    geography.all(Level.STREET, district.code()).forEach(s -> streets.add(s.code()));
    java.util.Set<String> units = new java.util.HashSet<>(streets);
    units.add(district.code());
    return new Scope(false, java.util.Set.of(district.code()), streets, java.util.Set.of(), java.util.Set.of(), units);
  }

  private List<HealthReportView.Cluster> clusters(Scope scope, String streetCode) {
    return clusters.list(scope, "OPEN").stream()
        .filter(c -> streetCode == null || c.items().stream().anyMatch(i -> streetCode.equals(i.streetCode())))
        .limit(30)
        .map(c -> new HealthReportView.Cluster(c.clusterNo(), c.label(), c.itemCount(), DAY.format(c.firstAt()) + "—" + DAY.format(c.lastAt())))
        .toList();
  }

  static String focus(UnitIndex u, RiskTrendService.Trend trend) {
    List<String> lines = new ArrayList<>();
    List<RiskCalculator.Contribution> top = u.factors().stream().filter(c -> c.points() >= 1).limit(3).toList();
    for (RiskCalculator.Contribution c : top) {
      lines.add("· " + c.name() + "：扣 " + String.format("%.1f", c.points()) + " 分。" + advice(c.factor()));
    }
    if (!trend.warnings().isEmpty()) {
      lines.add("· 趋势预警：" + warningText(trend) + "，请提前研判、靠前处置。");
    }
    if (lines.isEmpty()) {
      lines.add("· 各项因素平稳，保持常态化排查。");
    }
    return String.join("\n", lines);
  }

  static String advice(RiskFactor f) {
    return switch (f) {
      case OPEN_CASES -> "加快在办矛盾纠纷化解，压降存量。";
      case OVERDUE_CASES -> "逐件督办超期案件，明确责任人和办结时间。";
      case ESCALATIONS -> "分析上移原因，提升本级化解能力。";
      case MASS_CASES -> "对群体性矛盾落实专班包案，防止激化。";
      case UNFULFILLED_AGREEMENTS -> "督促当事人履行调解协议，必要时引导司法确认。";
      case GRID_REPORTS -> "针对网格上报的高等级风险点开展专项排查。";
      case SENTIMENT -> "加强社情民意引导，及时回应群众关切。";
      case LINKED_RISKS -> "对同一对象的多次投诉开展联合约谈和源头治理。";
    };
  }

  static String warningText(RiskTrendService.Trend trend) {
    return trend.warnings().isEmpty() ? "趋势平稳"
        : String.join("；", trend.warnings().stream().map(RiskTrendService.Warning::nameZh).toList());
  }

  static String topFactor(UnitIndex u) {
    RiskCalculator.Contribution c = u.factors().get(0);
    return c.points() < 0.05 ? "—" : c.name() + "（-" + String.format("%.1f", c.points()) + "）";
  }

  static String factorsText(UnitIndex u, int max) {
    return String.join("；", u.factors().stream().filter(c -> c.points() >= 0.05).limit(max)
        .map(c -> c.name() + " -" + String.format("%.1f", c.points())).toList());
  }

  private static String levelName(String level) {
    if (level == null) {
      return "—";
    }
    return switch (level) {
      case "GRID" -> "网格";
      case "COMMUNITY" -> "社区";
      case "STREET" -> "街道";
      default -> "区级";
    };
  }

  public List<StoredReport> list(Scope scope, String period) {
    List<StoredReport> all = jdbc.sql(REPORT_COLUMNS + (period == null ? "" : " WHERE period = ?") + " ORDER BY period DESC, id")
        .params(period == null ? List.of() : List.of(period))
        .query(this::stored)
        .list();
    return all.stream().filter(r -> visible(scope, r.unitCode())).toList();
  }

  public Optional<byte[]> pdf(long id) {
    return jdbc.sql("SELECT pdf FROM risk_reports WHERE id = ?").param(id).query((rs, n) -> rs.getBytes(1)).optional();
  }

  public Optional<StoredReport> find(long id) {
    return jdbc.sql(REPORT_COLUMNS + " WHERE id = ?").param(id).query(this::stored).optional();
  }

  static final String REPORT_COLUMNS = "SELECT id, period, unit_code, title, score, colour, created_at, LENGTH(pdf) FROM risk_reports";

  private StoredReport stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new StoredReport(rs.getLong(1), rs.getString(2), rs.getString(3),
        geography.find(rs.getString(3)).map(Unit::name).orElse(rs.getString(3)), rs.getString(4), rs.getDouble(5), rs.getString(6),
        RiskRepository.instant(rs, "created_at"), rs.getInt(8));
  }

  /** A district sees its own reports and its streets'; a street sees its own street's report. */
  public boolean visible(Scope scope, String unitCode) {
    return scope.all() || scope.districts().contains(unitCode) || scope.streets().contains(unitCode);
  }
}
