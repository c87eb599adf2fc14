package org.huian.risk;

import java.awt.Color;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.report.PdfReport;
import org.huian.report.ReportProperties;
import org.huian.security.Scope;
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

  public record Issued(String period, List<String> redUnits, int reports) {}

  public record StoredReport(long id, String period, String unitCode, String unitName, String title, double score, String colour,
      Instant createdAt, int bytes) {}

  private final RiskIndexService index;
  private final RiskTrendService trends;
  private final ClusterQueries clusters;
  private final Geography geography;
  private final JdbcClient jdbc;
  private final ReportProperties reportProperties;

  HealthReportService(RiskIndexService index, RiskTrendService trends, ClusterQueries clusters, Geography geography, JdbcClient jdbc,
      ReportProperties reportProperties) {
    this.index = index;
    this.trends = trends;
    this.clusters = clusters;
    this.geography = geography;
    this.jdbc = jdbc;
    this.reportProperties = reportProperties;
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
    RiskIndexService.Snapshot now = weekly.get(weekly.size() - 1);
    UnitIndex u = now.unit(street.code());
    RiskTrendService.Trend trend = trends.trend(street.code(), weekly);
    PdfReport pdf = PdfReport.create(reportProperties, title(period, u.name()))
        .small("生成时间：" + DAY.format(now.at()) + "　数据截至生成时刻　得分 0–100，越高越平安；颜色按 risk-colour.dmn 判定")
        .badge(colour(u.colour()), u.colour().nameZh() + "色", "平安指数 " + u.score() + "　" + warningText(trend));
    pdf.heading("一、指数走势与四周预测");
    chart(pdf, trend);
    pdf.heading("二、主要风险因素（扣分）");
    factorTable(pdf, u);
    pdf.heading("三、各社区指数");
    List<List<String>> rows = new ArrayList<>();
    geography.children(street.code()).stream().map(c -> now.unit(c.code()))
        .sorted(Comparator.comparingDouble(UnitIndex::score))
        .forEach(c -> rows.add(List.of(c.name(), String.valueOf(c.score()), c.colour().nameZh(), topFactor(c))));
    pdf.table(List.of("社区", "指数", "颜色", "首要因素"), rows, new float[] {3, 1, 1, 3});
    pdf.heading("四、超期未办结案件");
    overdue(pdf, Scope.everything(), street.code());
    pdf.heading("五、关联风险");
    clusterTable(pdf, Scope.everything(), street.code());
    pdf.heading("六、建议关注");
    pdf.paragraph(focus(u, trend));
    return pdf.toBytes();
  }

  byte[] districtReport(String period, Unit district, List<RiskIndexService.Snapshot> weekly, List<String> red) {
    RiskIndexService.Snapshot now = weekly.get(weekly.size() - 1);
    UnitIndex d = now.unit(district.code());
    PdfReport pdf = PdfReport.create(reportProperties, title(period, district.shortName()))
        .small("生成时间：" + DAY.format(now.at()) + "　区级汇总　得分 0–100，越高越平安")
        .badge(colour(d.colour()), d.colour().nameZh() + "色", "全区平安指数 " + d.score() + "　红色单位 " + red.size() + " 个");
    pdf.heading("一、全区指数走势与四周预测");
    chart(pdf, trends.trend(district.code(), weekly));
    pdf.heading("二、各街道指数");
    List<List<String>> rows = new ArrayList<>();
    for (UnitIndex s : now.level(Level.STREET).stream()
        .filter(x -> geography.get(x.unitCode()).districtCode().equals(district.code())).sorted(Comparator.comparingDouble(UnitIndex::score)).toList()) {
      RiskTrendService.Trend t = trends.trend(s.unitCode(), weekly);
      rows.add(List.of(s.name().replace("综治中心", ""), String.valueOf(s.score()), s.colour().nameZh(), topFactor(s), warningText(t)));
    }
    pdf.table(List.of("街道", "指数", "颜色", "首要因素", "趋势预警"), rows, new float[] {2.2f, 1, 0.8f, 2.4f, 2.6f});
    pdf.heading("三、主要风险因素（全区）");
    factorTable(pdf, d);
    pdf.heading("四、红色单位与靶向督办");
    List<List<String>> redRows = red.stream().map(now::unit)
        .map(u -> List.of(u.name(), u.level() == Level.STREET ? "街道" : "社区", String.valueOf(u.score()), topFactor(u))).toList();
    if (redRows.isEmpty()) {
      pdf.paragraph("本期无红色单位。");
    } else {
      pdf.paragraph("以下单位平安指数为红色，已下达靶向督办令，限期整改：");
      pdf.table(List.of("单位", "层级", "指数", "首要因素"), redRows, new float[] {3, 1, 1, 3});
    }
    pdf.heading("五、超期未办结案件");
    Scope districtScope = districtScope(district);
    overdue(pdf, districtScope, null);
    pdf.heading("六、关联风险");
    clusterTable(pdf, districtScope, null);
    return pdf.toBytes();
  }

  private void chart(PdfReport pdf, RiskTrendService.Trend trend) {
    List<String> labels = new ArrayList<>();
    DateTimeFormatter md = DateTimeFormatter.ofPattern("M/d").withZone(RiskIndexService.ZONE);
    trend.weeks().forEach(w -> labels.add(md.format(w)));
    for (int h = 1; h <= trend.forecast().size(); h++) {
      labels.add("+" + h + "周");
    }
    List<Double> history = new ArrayList<>(trend.history());
    List<Double> forecast = new ArrayList<>();
    for (int i = 0; i < history.size() - 1; i++) {
      forecast.add(null);
    }
    forecast.add(history.get(history.size() - 1));
    forecast.addAll(trend.forecast());
    double min = Math.max(0, Math.floor(Math.min(history.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        trend.forecast().stream().mapToDouble(Double::doubleValue).min().orElse(100)) / 10) * 10 - 10);
    pdf.lineChart("近 " + history.size() + " 周平安指数（实线）与之后四周预测（虚线）", labels,
        List.of(new PdfReport.Series("平安指数", history, false), new PdfReport.Series("预测", forecast, true)), min, 100);
  }

  private void factorTable(PdfReport pdf, UnitIndex u) {
    List<List<String>> rows = new ArrayList<>();
    for (RiskCalculator.Contribution c : u.factors()) {
      if (c.points() >= 0.05) {
        rows.add(List.of(c.name(), String.format("%.2f", c.load()), String.format("%.1f", c.points())));
      }
    }
    rows.add(List.of("合计扣分", String.format("%.2f", u.load()), String.format("%.1f", 100 - u.score())));
    pdf.table(List.of("因素", "风险负荷（每网格）", "扣分"), rows, new float[] {3, 2, 1});
  }

  private void overdue(PdfReport pdf, Scope scope, String streetCode) {
    StringBuilder sql = new StringBuilder("SELECT case_no, title, level, unit_code, deadline FROM cases WHERE status <> 'CLOSED' "
        + "AND deadline < ?" + (streetCode == null ? "" : " AND street_code = ?"));
    List<Object> args = new ArrayList<>(List.of(RiskRepository.ts(index.now())));
    if (streetCode != null) {
      args.add(streetCode);
    }
    scope.appendSql(sql, args, "");
    List<List<String>> rows = jdbc.sql(sql + " ORDER BY deadline LIMIT 30").params(args)
        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), levelName(rs.getString(3)),
            Optional.ofNullable(rs.getString(4)).flatMap(geography::find).map(Unit::name).orElse("—"),
            DAY.format(RiskRepository.instant(rs, "deadline")))).list();
    if (rows.isEmpty()) {
      pdf.paragraph("无超期未办结案件。");
    } else {
      pdf.table(List.of("案件编号", "事项", "层级", "承办单位", "时限"), rows, new float[] {2.2f, 3, 0.8f, 2, 1.6f});
    }
  }

  /** Everything of one district, as its centre sees it. */
  private Scope districtScope(Unit district) {
    java.util.Set<String> streets = new java.util.HashSet<>();
    geography.all(Level.STREET, district.code()).forEach(s -> streets.add(s.code()));
    java.util.Set<String> units = new java.util.HashSet<>(streets);
    units.add(district.code());
    return new Scope(false, java.util.Set.of(district.code()), streets, java.util.Set.of(), java.util.Set.of(), units);
  }

  private void clusterTable(PdfReport pdf, Scope scope, String streetCode) {
    List<List<String>> rows = clusters.list(scope, "OPEN").stream()
        .filter(c -> streetCode == null || c.items().stream().anyMatch(i -> streetCode.equals(i.streetCode())))
        .limit(30)
        .map(c -> List.of(c.clusterNo(), c.label(), String.valueOf(c.itemCount()), DAY.format(c.firstAt()) + "—" + DAY.format(c.lastAt())))
        .toList();
    if (rows.isEmpty()) {
      pdf.paragraph("无关联风险。");
    } else {
      pdf.table(List.of("编号", "关联对象", "次数", "时间"), rows, new float[] {1.5f, 4, 0.8f, 2.7f});
    }
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

  static Color colour(UnitIndex.Colour c) {
    return switch (c) {
      case GREEN -> new Color(0x2E, 0x9E, 0x5B);
      case YELLOW -> new Color(0xE0, 0xA8, 0x00);
      case RED -> new Color(0xC0, 0x39, 0x2B);
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
