package org.huian.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Duplicate suggestion (docs/duplicates.md): with 100,000 open cases, the p95 of
 * {@code POST /api/cases/duplicates} for a street user, one client at a time, beside the p95 of
 * the plainest read there is, {@code GET /api/cases/{caseNo}} (one case by its number), measured
 * in the same run, alternately, by the same client. Target: 100 ms.
 * <p>
 * When fewer open cases exist (this step run alone), the missing ones are written straight into
 * the tables, with varied texts, parties and addresses in every street, and the application keys
 * them with its own backfill (restarted for that): the same keys intake writes.
 */
final class DuplicatesBench implements BenchmarkStep {

  static final int QUERIES = 300;
  static final int WARM_UP = 30;
  /** Title and description; {f} a firm, {o} who is blamed, {n} a number. */
  static final String[] TEMPLATES = {
      "{f}拖欠工资|在{f}干了{n}个月，工资一直没发，老板推说没钱。", "{f}物业不作为|{f}管理的小区电梯停了{n}天，物业不修。",
      "{f}装修扰民|{f}施工每天早上六点开工，已经持续{n}天。", "{f}餐馆油烟扰民|{f}的油烟直排进居民楼，反映{n}次未解决。",
      "{f}预付卡无法退费|在{f}办了卡，余额{n}百元，店铺关门。", "楼道堆物消防隐患|{f}院内楼道堆满杂物，{o}不清理，已{n}周。",
      "邻里漏水纠纷|楼上漏水，{f}维修工说是{o}的管道问题，拖了{n}天。", "{f}停车费纠纷|{f}上调停车费，{n}户业主不认可。"};
  static final String[] FIRMS = {"京城物业", "安和装饰", "顺义餐饮", "东方家政", "鸿达劳务", "华信教育", "金源保洁", "利民超市",
      "恒通建筑", "天成健身"};
  static final String[] LANES = {"府学胡同", "交道口南大街", "北锣鼓巷", "东四十条", "南锣鼓巷", "鼓楼东大街", "安定门外大街", "东直门内大街"};

  @Override
  public String name() {
    return "duplicates";
  }

  @Override
  public void run(BenchContext ctx) throws Exception {
    int target = ctx.config.scaled(100_000, 1_000);
    long open = ctx.openCases();
    Random random = new Random(20261203L);
    List<String[]> grids = grids();
    boolean seeded = false;
    if (open < target) {
      long started = System.nanoTime();
      seed(ctx, (int) (target - open), grids, random);
      System.out.printf("[bench] wrote %d open cases in %.0f s; restarting the application to key them%n",
          target - open, (System.nanoTime() - started) / 1e9);
      seeded = true;
      ctx.app.close();
      ctx.app = AppProcess.start(ctx.config, ctx.db, "app-duplicates.log");
    }
    long unkeyed;
    long waitStarted = System.nanoTime();
    while ((unkeyed = unkeyed(ctx)) > 0) {
      if (System.nanoTime() - waitStarted > Duration.ofMinutes(40).toNanos()) {
        throw new IllegalStateException(unkeyed + " cases still have no match keys");
      }
      System.out.printf("[bench] waiting for the backfill: %d cases without keys%n", unkeyed);
      Thread.sleep(15_000);
    }
    long keys;
    String lookupCaseNo;
    List<String> probes = new ArrayList<>();
    try (Connection c = ctx.db.app(); var st = c.createStatement()) {
      st.execute("ANALYZE case_match_keys");
      st.execute("ANALYZE cases");
      keys = BenchContext.count(c, "SELECT COUNT(*) FROM case_match_keys");
      try (var rs = st.executeQuery("SELECT case_no, category, title, description, grid_id, address FROM cases WHERE street_code = '"
          + BenchContext.STREET_CODE + "' AND closed_at IS NULL ORDER BY case_no DESC LIMIT 20")) {
        lookupCaseNo = null;
        while (rs.next()) {
          lookupCaseNo = lookupCaseNo == null ? rs.getString(1) : lookupCaseNo;
          probes.add(probe(rs.getString(2), "再次反映：" + rs.getString(3), rs.getString(4) + "至今没人管。", rs.getString(5), rs.getString(6)));
        }
      }
    }
    if (probes.isEmpty()) {
      throw new IllegalStateException("no open case in the street: the query measures nothing");
    }
    open = ctx.openCases();
    Http http = ctx.app.http();
    Latencies suggest = new Latencies(QUERIES);
    Latencies lookup = new Latencies(QUERIES);
    int found = 0;
    for (int i = 0; i < WARM_UP + QUERIES; i++) {
      Http.Reply s = http.postJson(BenchContext.STREET_USER, "/api/cases/duplicates", probes.get(i % probes.size()));
      Http.Reply l = http.get(BenchContext.STREET_USER, "/api/cases/" + lookupCaseNo);
      if (s.status() != 200 || l.status() != 200) {
        throw new IllegalStateException("duplicates answered " + s.status() + "/" + l.status() + ": " + s.body() + " " + l.body());
      }
      if (i >= WARM_UP) {
        suggest.add(s.nanos());
        lookup.add(l.nanos());
        if (BenchContext.JSON.readTree(s.body()).path("items").size() > 0) {
          found++;
        }
      }
    }
    if (found == 0) {
      throw new IllegalStateException("no probe found its original: the query measures nothing");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("openCases", open);
    details.put("matchKeys", keys);
    details.put("casesWrittenStraightIntoTheTables", seeded);
    details.put("probesWithSuggestions", found + " of " + QUERIES);
    details.put("latency", suggest.summary());
    details.put("baselineLatency", lookup.summary());
    details.put("baseline", "GET /api/cases/" + lookupCaseNo);
    ctx.report.add(name(), "p95 POST /api/cases/duplicates (street user)", suggest.percentileMillis(95), "ms", 100.0, details);
    ctx.report.add(name(), "p95 GET /api/cases/{caseNo}, baseline", lookup.percentileMillis(95), "ms", null,
        Map.of("latency", lookup.summary()));
  }

  private static String probe(String category, String title, String description, String gridId, String address) throws Exception {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("channel", "WINDOW");
    b.put("category", category);
    b.put("title", title.length() > 200 ? title.substring(0, 200) : title);
    b.put("description", description);
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("streetCode", BenchContext.STREET_CODE);
    if (gridId != null) {
      location.put("gridId", gridId);
    }
    if (address != null) {
      location.put("address", address);
    }
    b.put("location", location);
    b.put("reporter", Map.of("name", "周敏", "phone", "13912340000", "anonymous", false));
    b.put("parties", List.of(Map.of("role", "APPLICANT", "kind", "PERSON", "name", "周敏", "phone", "13912340000")));
    b.put("peopleInvolved", 1);
    b.put("amountInvolved", 0);
    return BenchContext.JSON.writeValueAsString(b);
  }

  /** Open cases with varied texts in every street, written in batches (no process: matching reads only the tables). */
  private static void seed(BenchContext ctx, int count, List<String[]> grids, Random random) throws Exception {
    String[] categories = {"WAGE_ARREARS", "PROPERTY_MANAGEMENT", "NEIGHBOUR", "NEIGHBOUR", "CONSUMER", "SAFETY_HAZARD", "NEIGHBOUR",
        "PROPERTY_MANAGEMENT"};
    Instant now = Instant.now();
    try (Connection c = ctx.db.app()) {
      c.setAutoCommit(false);
      try (PreparedStatement cases = c.prepareStatement("""
              INSERT INTO cases (case_no, request_hash, channel, category, title, description, street_code, community_code, grid_id,
                address, reporter_name, reporter_phone, reporter_anonymous, people_involved, amount_involved, cross_region,
                cross_department, status, level, unit_code, sla, created_at, updated_at)
              VALUES (?, 'bench', 'WINDOW', ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 1, 0, false, false, 'IN_PROGRESS', 'GRID', ?, 'GREEN', ?, ?)""");
           PreparedStatement parties = c.prepareStatement(
               "INSERT INTO case_parties (case_no, position, role, kind, name, phone) VALUES (?, 0, 'RESPONDENT', 'ORGANISATION', ?, ?)")) {
        for (int i = 0; i < count; i++) {
          String[] grid = grids.get(random.nextInt(grids.size()));
          int t = random.nextInt(TEMPLATES.length);
          String firm = FIRMS[random.nextInt(FIRMS.length)] + (char) ('甲' + random.nextInt(10)) + "号店";
          String[] text = TEMPLATES[t].split("\\|");
          String address = LANES[random.nextInt(LANES.length)] + (1 + random.nextInt(300)) + "号院";
          String caseNo = String.format("DCB%013d", i);
          Timestamp at = Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60))));
          cases.setString(1, caseNo);
          cases.setString(2, categories[t]);
          cases.setString(3, fill(text[0], firm, random));
          cases.setString(4, fill(text[1], firm, random));
          cases.setString(5, grid[2]);
          cases.setString(6, grid[1]);
          cases.setString(7, grid[0]);
          cases.setString(8, address);
          cases.setString(9, "居民" + random.nextInt(10_000));
          cases.setString(10, String.format("13%09d", random.nextInt(1_000_000_000)));
          cases.setString(11, grid[0]);
          cases.setTimestamp(12, at);
          cases.setTimestamp(13, at);
          cases.addBatch();
          parties.setString(1, caseNo);
          parties.setString(2, "北京" + firm + "有限公司");
          parties.setString(3, String.format("010-6%07d", random.nextInt(10_000_000)));
          parties.addBatch();
          if (i % 2000 == 1999 || i == count - 1) {
            cases.executeBatch();
            parties.executeBatch();
            c.commit();
          }
        }
      }
    }
  }

  private static String fill(String template, String firm, Random random) {
    return template.replace("{f}", firm).replace("{o}", random.nextBoolean() ? "物业" : "房东")
        .replace("{n}", String.valueOf(1 + random.nextInt(30)));
  }

  private static long unkeyed(BenchContext ctx) throws Exception {
    try (Connection c = ctx.db.app()) {
      return BenchContext.count(c, "SELECT COUNT(*) FROM cases x WHERE x.status <> 'RECEIVED' AND NOT EXISTS "
          + "(SELECT 1 FROM case_match_keys k WHERE k.case_no = x.case_no)");
    }
  }

  /** Every grid of the embedded district: code, community, street. */
  private static List<String[]> grids() throws Exception {
    List<String[]> grids = new ArrayList<>();
    Map<String, String> streetOf = new LinkedHashMap<>();
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        DuplicatesBench.class.getResourceAsStream("/data/dongcheng/units.csv"), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line; (line = in.readLine()) != null; ) {
        rows.add(line.split(",", -1));
      }
    }
    rows.stream().filter(r -> "COMMUNITY".equals(r[2])).forEach(r -> streetOf.put(r[0], r[3]));
    rows.stream().filter(r -> "GRID".equals(r[2])).forEach(r -> grids.add(new String[] {r[0], r[3], streetOf.get(r[3])}));
    return grids;
  }
}
