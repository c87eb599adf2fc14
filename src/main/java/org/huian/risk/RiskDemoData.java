package org.huian.risk;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.huian.cases.CaseRepository;
import org.huian.cases.Category;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with a year of realistic grid reports and closed cases, for the demo
 * profile, the tests and the benchmark. Every distribution is fixed and seeded, so two runs give
 * the same data (docs/risk-index.md lists them):
 * <ul>
 *   <li>volume: {@code reportsPerYear} reports (default 60,000: about 30 per grid a year) and
 *       {@code casesPerYear} closed cases (default 3,000), 10 % of which moved up a level;
 *   <li>where: every grid has a log-normal activity (σ 0.5); eight hot-spot communities have four
 *       times the activity, one troubled street (前门) 4.5 times; two streets (东华门, 建国门)
 *       rise linearly to four times their usual activity over the last eight weeks;
 *   <li>when: uniform over the year times a summer peak (+25 % in July), weekends at 60 %, and
 *       the last five days of a month at 140 % (wages fall due);
 *   <li>what: kinds EVENT 35 %, PLACE 20 %, PERSON 15 %, OBJECT 15 %, SENTIMENT 15 %; severity
 *       1–5 with 35/30/20/10/5 %; sources grid app 70 %, 12345 hotline 15 %, 110 non-emergency 8 %,
 *       petitions 5 %, other 2 %;
 *   <li>repeat subjects: 40 companies with valid unified social credit codes each draw bursts of
 *       three to six complaints within sixty days, their names and phones written in varying forms
 *       (full-width, with and without 北京/有限公司), which the cross-matching must recognise.
 * </ul>
 */
@Component
public class RiskDemoData {

  private static final Logger log = LoggerFactory.getLogger(RiskDemoData.class);
  static final String TROUBLED_STREET = org.huian.security.DemoUsers.TROUBLED_STREET; // 前门
  static final List<String> RISING_STREETS = org.huian.security.DemoUsers.RISING_STREETS; // 东华门, 建国门

  /**
   * {@code huian.demo-data.*}
   *
   * @param enabled fill an empty database at start (the demo profile turns this on)
   */
  @ConfigurationProperties("huian.demo-data")
  public record Settings(Boolean enabled, Long seed, Integer reportsPerYear, Integer casesPerYear) {
    public Settings {
      enabled = enabled != null && enabled;
      seed = seed == null ? 20261127L : seed;
      reportsPerYear = reportsPerYear == null ? 60_000 : reportsPerYear;
      casesPerYear = casesPerYear == null ? 3_000 : casesPerYear;
    }
  }

  public record Summary(int reports, int cases, int subjectItems) {}

  private final JdbcTemplate jdbc;
  private final Geography geography;
  private final CaseRepository cases;
  private final CrossMatcher matcher;
  private final RiskIndexService index;
  private final Settings settings;

  RiskDemoData(JdbcTemplate jdbc, Geography geography, CaseRepository cases, CrossMatcher matcher, RiskIndexService index,
      Settings settings) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.cases = cases;
    this.matcher = matcher;
    this.index = index;
    this.settings = settings;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void fillWhenEmpty() {
    if (settings.enabled() && jdbc.queryForObject("SELECT COUNT(*) FROM grid_reports", Long.class) == 0) {
      Summary s = generate(index.now(), settings.reportsPerYear(), settings.casesPerYear(), settings.seed());
      log.info("demo data: {} grid reports, {} closed cases, {} items of repeat subjects over the last year", s.reports(), s.cases(),
          s.subjectItems());
    }
  }

  /** Generates a year of data ending at {@code end}. */
  public Summary generate(Instant end, int reportsPerYear, int casesPerYear, long seed) {
    Random random = new Random(seed);
    Instant start = end.minus(Duration.ofDays(365));
    List<Unit> grids = geography.all(Level.GRID);
    double[] activity = new double[grids.size()];
    double total = 0;
    List<String> hotCommunities = new ArrayList<>();
    List<Unit> communities = geography.all(Level.COMMUNITY);
    for (int i = 0; i < 8; i++) {
      hotCommunities.add(communities.get((i * 37 + 11) % communities.size()).code());
    }
    for (int g = 0; g < grids.size(); g++) {
      Unit grid = grids.get(g);
      Unit community = geography.parent(grid);
      double a = Math.exp(random.nextGaussian() * 0.5);
      if (hotCommunities.contains(community.code())) {
        a *= 4;
      }
      if (community.parentCode().equals(TROUBLED_STREET)) {
        a *= 4.5;
      }
      if (RISING_STREETS.contains(community.parentCode())) {
        a *= 4; // sampled at a quarter before the rise (below), so their usual activity is everyone's
      }
      activity[g] = a;
      total += a;
    }
    double[] cumulative = new double[grids.size()];
    double running = 0;
    for (int g = 0; g < grids.size(); g++) {
      running += activity[g] / total;
      cumulative[g] = running;
    }
    List<Object[]> rows = new ArrayList<>();
    int reports = 0;
    long sequence = jdbc.queryForObject("SELECT COUNT(*) FROM grid_reports", Long.class);
    while (reports < reportsPerYear) {
      Instant at = time(random, start, end);
      Unit grid = grids.get(pick(cumulative, random.nextDouble()));
      Unit community = geography.parent(grid);
      String street = community.parentCode();
      if (RISING_STREETS.contains(street)) {
        double weeksToEnd = Duration.between(at, end).toDays() / 7.0;
        double rise = weeksToEnd < 8 ? 1 + 3 * (8 - weeksToEnd) / 8 : 1;
        if (random.nextDouble() > rise / 4) {
          continue; // thinning keeps the rise relative to the street's normal activity
        }
      }
      int severity = choose(random, new double[] {.35, .30, .20, .10, .05}) + 1;
      ReportKind kind = ReportKind.values()[choose(random, new double[] {.15, .20, .35, .15, .15})];
      ReportSource source = ReportSource.values()[choose(random, new double[] {.70, .15, .08, .05, .02})];
      reports++;
      sequence++;
      rows.add(new Object[] {"GD" + String.format("%09d", sequence), source.name(), null, "demo", kind.name(), null, grid.code(),
          community.code(), street, describe(kind, random), severity, null, null, null, Timestamp.from(at), Timestamp.from(at),
          "demo", null, null, null, null, null});
      if (rows.size() == 2000) {
        jdbc.batchUpdate(RiskRepository.INSERT_REPORT, rows);
        rows.clear();
      }
    }
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(RiskRepository.INSERT_REPORT, rows);
    }
    int closedCases = closedCases(random, start, end, casesPerYear, grids, cumulative);
    int subjectItems = repeatSubjects(random, start, end);
    index.invalidate();
    return new Summary(reports, closedCases, subjectItems);
  }

  private int closedCases(Random random, Instant start, Instant end, int count, List<Unit> grids, double[] cumulative) {
    Category[] categories = Category.values();
    List<Object[]> caseRows = new ArrayList<>();
    List<Object[]> escalations = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant created = time(random, start, end.minus(Duration.ofDays(25)));
      Instant closed = created.plus(Duration.ofHours(24 + random.nextInt(20 * 24)));
      Unit grid = grids.get(pick(cumulative, random.nextDouble()));
      Unit community = geography.parent(grid);
      Category category = categories[random.nextInt(categories.length)];
      String caseNo = "DC" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd").withZone(RiskIndexService.ZONE).format(created)
          + String.format("%06d", cases.nextSequence() % 1_000_000);
      boolean escalated = random.nextDouble() < 0.10;
      caseRows.add(new Object[] {caseNo, "demo", "GRID_APP", category.name(), category.nameZh() + "（演示数据）", "演示用的历史案件，已办结。",
          community.parentCode(), community.code(), grid.code(), true, 1 + (random.nextDouble() < 0.05 ? 10 + random.nextInt(20) : random.nextInt(3)),
          BigDecimal.ZERO, false, false, "CLOSED", escalated ? "COMMUNITY" : "GRID", escalated ? community.code() : grid.code(), "GREEN",
          Timestamp.from(created), Timestamp.from(closed), Timestamp.from(closed)});
      if (escalated) {
        escalations.add(new Object[] {caseNo, "GRID", grid.code(), "COMMUNITY", community.code(), "DEADLINE",
            Timestamp.from(created.plus(Duration.ofDays(7)).isBefore(closed) ? created.plus(Duration.ofDays(7)) : closed)});
      }
    }
    jdbc.batchUpdate("""
        INSERT INTO cases (case_no, request_hash, channel, category, title, description, street_code, community_code, grid_id,
          reporter_anonymous, people_involved, amount_involved, cross_region, cross_department, status, level, unit_code, sla,
          created_at, updated_at, closed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", caseRows);
    jdbc.batchUpdate("INSERT INTO escalations (case_no, from_level, from_unit, to_level, to_unit, reason, occurred_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", escalations);
    return caseRows.size();
  }

  /** Forty companies with bursts of complaints, written in varying forms. */
  private int repeatSubjects(Random random, Instant start, Instant end) {
    List<Unit> streets = geography.all(Level.STREET);
    String[] trades = {"消防工程", "装饰工程", "物业管理", "餐饮管理", "建筑劳务", "保洁服务", "家政服务", "教育咨询"};
    int items = 0;
    Map<String, String> last = new HashMap<>();
    for (int c = 0; c < 40; c++) {
      String core = "京东" + (char) ('甲' + c % 10) + trades[c % trades.length];
      String credit = creditCode(random);
      String phone = "1" + (30 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000));
      Unit street = streets.get(c % streets.size());
      List<Unit> grids = geography.all(Level.GRID).stream()
          .filter(g -> geography.ancestorAt(g, Level.STREET).orElseThrow().code().equals(street.code())).toList();
      int bursts = 1 + random.nextInt(2);
      for (int b = 0; b < bursts; b++) {
        Instant burstStart = time(random, start, end.minus(Duration.ofDays(60)));
        int n = (c % 3 == 0 ? 2 : 3) + random.nextInt(4);
        for (int k = 0; k < n; k++) {
          Instant at = burstStart.plus(Duration.ofHours(random.nextInt(60 * 24)));
          if (at.isAfter(end)) {
            at = end;
          }
          Unit grid = grids.get(random.nextInt(grids.size()));
          Unit community = geography.parent(grid);
          String name = switch (k % 4) {
            case 0 -> "北京" + core + "有限公司";
            case 1 -> core + "公司";
            case 2 -> "北京市" + core + "有限责任公司";
            default -> core.replace("京东", "京东 ") + "（有限公司）";
          };
          String reportNo = "GS" + String.format("%09d", c * 100 + b * 10 + k);
          String formattedPhone = k % 2 == 0 ? phone : "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
          jdbc.update(RiskRepository.INSERT_REPORT, reportNo, ReportSource.HOTLINE_12345.name(), null, "demo", ReportKind.EVENT.name(),
              Category.WAGE_ARREARS.name(), grid.code(), community.code(), street.code(), "反映" + name + "拖欠工资（演示数据）", 3 + random.nextInt(2),
              "欠薪", null, null, Timestamp.from(at), Timestamp.from(at), "demo", name, k % 3 == 0 ? credit : null, formattedPhone, null, null);
          matcher.record(new CrossMatcher.Item(CrossMatcher.REPORT, reportNo, at, street.code(), community.code(), grid.code()),
              SubjectKeys.of(name, k % 3 == 0 ? credit : null, formattedPhone, null));
          last.put(core + b, reportNo);
          items++;
        }
      }
    }
    last.values().forEach(reportNo -> matcher.match(CrossMatcher.REPORT, reportNo));
    return items;
  }

  public static String creditCode(Random random) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    StringBuilder s = new StringBuilder("91" + TROUBLED_STREET.substring(0, 6)); // an organisation registered in the demo district
    while (s.length() < 17) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    for (char check : alphabet.toCharArray()) {
      if (SubjectKeys.validCreditCode(s.toString() + check)) {
        return s.toString() + check;
      }
    }
    throw new IllegalStateException("no check character");
  }

  /** A moment of the year, shaped by the seasonal, weekly and month-end rhythms (rejection sampling). */
  static Instant time(Random random, Instant start, Instant end) {
    long span = end.getEpochSecond() - start.getEpochSecond();
    while (true) {
      Instant t = Instant.ofEpochSecond(start.getEpochSecond() + (long) (random.nextDouble() * span));
      ZonedDateTime z = t.atZone(RiskIndexService.ZONE);
      double intensity = 1 + 0.25 * Math.cos(2 * Math.PI * (z.getDayOfYear() - 196) / 365.0);
      if (z.getDayOfWeek().getValue() >= 6) {
        intensity *= 0.6;
      }
      if (z.getDayOfMonth() > z.toLocalDate().lengthOfMonth() - 5) {
        intensity *= 1.4;
      }
      if (random.nextDouble() * 1.75 < intensity) {
        return t;
      }
    }
  }

  private static int pick(double[] cumulative, double u) {
    int i = java.util.Arrays.binarySearch(cumulative, u);
    return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
  }

  private static int choose(Random random, double[] p) {
    double u = random.nextDouble();
    for (int i = 0; i < p.length; i++) {
      u -= p[i];
      if (u < 0) {
        return i;
      }
    }
    return p.length - 1;
  }

  private static String describe(ReportKind kind, Random random) {
    String[][] texts = {
        {"独居老人近期情绪低落，需持续关注", "社区矫正对象按时报到", "刑满释放人员就业困难"},
        {"老旧小区楼道堆物，存在消防隐患", "施工工地夜间噪音扰民", "地下空间违规住人"},
        {"两户居民因漏水发生争执", "物业与业主因停车费产生矛盾", "商户占道经营引发纠纷"},
        {"电动自行车楼道充电", "燃气管道老化", "临街广告牌松动"},
        {"居民对拆迁补偿方案议论较多", "网上出现涉及小区的负面言论", "部分居民对供暖不满"}};
    String[] options = texts[kind.ordinal()];
    return options[random.nextInt(options.length)] + "（演示数据）";
  }
}
