package org.huian.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.huian.cases.Category;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.geography.Geography;
import org.huian.geography.StreetTiles;
import org.huian.security.Districts;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.security.ApiAuthenticationFilter;
import org.huian.security.CurrentUser;
import org.huian.security.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/risk}: the safety index with its explanation, trends, and linked-risk clusters. */
@RestController
@RequestMapping("/api/risk")
@Tag(name = "平安指数", description = "三色平安指数、因子解释、趋势预判与关联风险")
class RiskController {

  record IndexPage(Instant at, String level, int windowDays, List<String> categories, List<String> kinds, List<UnitIndex> items) {}

  record UnitDetail(UnitIndex index, RiskTrendService.Trend trend, List<UnitIndex> children) {}

  record BacktestView(int weeks, int horizon, int forecasts, double holtMae, double seasonalNaiveMae, double ratio, String method,
      String baseline) {}

  private final RiskIndexService index;
  private final RiskTrendService trends;
  private final ClusterQueries clusters;
  private final Geography geography;
  private final StreetTiles tiles;
  private final Districts districts;

  RiskController(RiskIndexService index, RiskTrendService trends, ClusterQueries clusters, Geography geography,
      StreetTiles tiles, Districts districts) {
    this.index = index;
    this.trends = trends;
    this.clusters = clusters;
    this.geography = geography;
    this.tiles = tiles;
    this.districts = districts;
  }

  @Operation(summary = "各街道、社区或网格的平安指数",
      description = "得分 0–100（越高越平安），颜色按 risk-colour.dmn 判定；factors 给出每个因子扣去的分数，得分加各因子扣分等于 100。"
          + "at 为计算时点（默认当前），windowDays 为上报信息和层级上移的统计时段，categories（案件类别）与 kinds（上报类别）用逗号分隔进行筛选；"
          + "parent 只列出某单位的下级。只列出调用者辖区内的单位。")
  @GetMapping("/index")
  IndexPage list(@RequestParam(required = false) String level, @RequestParam(required = false) String at,
      @RequestParam(required = false) Integer windowDays, @RequestParam(required = false) String categories,
      @RequestParam(required = false) String kinds, @RequestParam(required = false) String parent,
      @RequestParam(required = false) String district,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    List<FieldError> errors = new ArrayList<>();
    if (district != null) {
      districts.resolve(user, district); // 404 for an unknown district, 403 for another's
    }
    Level l = null;
    if (level == null) {
      errors.add(new FieldError("level", "层级不能为空：STREET、COMMUNITY 或 GRID"));
    } else if ((l = GridReportValidator.parse(Level.class, level)) == null || l == Level.DISTRICT) {
      errors.add(new FieldError("level", "层级取值无效：STREET、COMMUNITY 或 GRID"));
    }
    if (parent != null && geography.find(parent).isEmpty()) {
      errors.add(new FieldError("parent", "单位未登记"));
    }
    IndexFilter filter = filter(at, windowDays, categories, kinds, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Level wanted = l;
    List<UnitIndex> items = index.snapshot(filter).level(wanted).stream()
        .filter(u -> parent == null || u.parentCode().equals(parent) || isBelow(u, parent))
        .filter(u -> visible(user.scope(), u.unitCode()))
        .filter(u -> district == null || geography.get(u.unitCode()).districtCode().equals(district))
        .toList();
    return new IndexPage(filter.at(), wanted.name(), (int) filter.window().toDays(),
        filter.categories().stream().map(Enum::name).sorted().toList(), filter.kinds().stream().map(Enum::name).sorted().toList(), items);
  }

  @Operation(summary = "某单位的平安指数、近期走势与四周预测",
      description = "weeks 为走势的周数（默认 12，最多 52）；forecast 为之后四周的预测（阻尼趋势 Holt 指数平滑），warnings 为趋势预警。"
          + "children 为下级单位的指数，用于逐级下钻。")
  @GetMapping("/index/{unitCode}")
  UnitDetail unit(@PathVariable String unitCode, @RequestParam(defaultValue = "12") int weeks,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    Unit unit = geography.find(unitCode).orElseThrow(() -> new NotFoundException("单位不存在：" + unitCode));
    if (weeks < 2 || weeks > 52) {
      throw new InvalidRequestException("weeks", "周数须在 2 至 52 之间");
    }
    if (!visible(user.scope(), unitCode)) {
      throw new ForbiddenException("无权查看其他单位的平安指数：" + unitCode);
    }
    List<RiskIndexService.Snapshot> weekly = trends.weekly(weeks);
    RiskIndexService.Snapshot now = weekly.get(weekly.size() - 1);
    List<UnitIndex> children = geography.children(unitCode).stream().map(c -> now.unit(c.code())).toList();
    return new UnitDetail(now.unit(unit.code()), trends.trend(unitCode, weekly), children);
  }

  @Operation(summary = "趋势预判：各街道或社区的走势、预测与预警",
      description = "只列出调用者辖区内的单位；warningsOnly=true 只列出有预警的；district 只列出该区的。")
  @GetMapping("/trends")
  List<RiskTrendService.Trend> trends(@RequestParam(defaultValue = "STREET") String level,
      @RequestParam(defaultValue = "12") int weeks, @RequestParam(defaultValue = "false") boolean warningsOnly,
      @RequestParam(required = false) String district,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    if (district != null && geography.findActive(district, Level.DISTRICT).isEmpty()) {
      throw new InvalidRequestException("district", "区代码未登记：" + (district.length() > 20 ? district.substring(0, 20) : district));
    }
    Level l = GridReportValidator.parse(Level.class, level);
    if (l != Level.STREET && l != Level.COMMUNITY) {
      throw new InvalidRequestException("level", "层级取值无效：STREET 或 COMMUNITY");
    }
    if (weeks < 2 || weeks > 52) {
      throw new InvalidRequestException("weeks", "周数须在 2 至 52 之间");
    }
    return trends.trends(l, trends.weekly(weeks)).stream()
        .filter(t -> visible(user.scope(), t.unitCode()))
        .filter(t -> district == null || geography.get(t.unitCode()).districtCode().equals(district))
        .filter(t -> !warningsOnly || !t.warnings().isEmpty())
        .toList();
  }

  @Operation(summary = "预测回测：四周预测的平均绝对误差，与季节性朴素预测（四周前同期值）对比",
      description = "在每个街道和社区的周指数序列上滚动起点回测；weeks 为序列长度（默认 26）。")
  @GetMapping("/backtest")
  BacktestView backtest(@RequestParam(defaultValue = "26") int weeks) {
    if (weeks < 16 || weeks > 52) {
      throw new InvalidRequestException("weeks", "周数须在 16 至 52 之间");
    }
    Forecast.Backtest b = trends.backtest(trends.weekly(weeks));
    return new BacktestView(weeks, RiskTrendService.HORIZON, b.forecasts(), Math.round(b.holtMae() * 1000) / 1000.0,
        Math.round(b.seasonalNaiveMae() * 1000) / 1000.0,
        b.seasonalNaiveMae() == 0 ? 0 : Math.round(b.holtMae() / b.seasonalNaiveMae() * 1000) / 1000.0,
        "Holt 阻尼趋势指数平滑", "季节性朴素预测（季节长度 4 周）");
  }

  @Operation(summary = "街道方块图布局（示意，非真实边界）",
      description = "东城区来自 data/dongcheng/street-tiles.csv（见其 SOURCES.md）；其他区按街道顺序排成近似方阵。district 缺省为调用者所在区。")
  @GetMapping("/street-tiles")
  List<StreetTiles.StreetTile> streetTiles(@RequestParam(required = false) String district,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    return tiles.tiles(districts.resolve(user, district).code());
  }

  @Operation(summary = "关联风险（同一对象在时间窗内多次被投诉）", description = "只列出调用者辖区内的关联风险。")
  @GetMapping("/clusters")
  List<ClusterQueries.ClusterView> clusters(@RequestParam(defaultValue = "OPEN") String status,
      @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    if (!status.equals("OPEN") && !status.equals("CLOSED")) {
      throw new InvalidRequestException("status", "状态取值无效：OPEN 或 CLOSED");
    }
    return clusters.list(user.scope(), status);
  }

  @Operation(summary = "关联风险详情，含关联的案件和上报信息")
  @GetMapping("/clusters/{clusterNo}")
  ClusterQueries.ClusterView cluster(@PathVariable String clusterNo, @RequestAttribute(ApiAuthenticationFilter.CURRENT_USER) CurrentUser user) {
    ClusterQueries.ClusterView c = clusters.get(clusterNo).orElseThrow(() -> new NotFoundException("关联风险不存在：" + clusterNo));
    if (c.items().stream().noneMatch(i -> user.scope().covers(i.streetCode(), i.communityCode(), i.gridId()))) {
      throw new ForbiddenException("无权查看其他单位的关联风险：" + clusterNo);
    }
    return c;
  }

  private IndexFilter filter(String at, Integer windowDays, String categories, String kinds, List<FieldError> errors) {
    Instant moment = index.now();
    if (at != null) {
      try {
        moment = at.length() == 10 ? java.time.LocalDate.parse(at).plusDays(1).atStartOfDay(RiskIndexService.ZONE).toInstant()
            : OffsetDateTime.parse(at).toInstant();
        if (moment.isAfter(index.now())) {
          moment = index.now();
        }
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("at", "时点格式无效：yyyy-MM-dd 或 ISO-8601（含时区）"));
      }
    }
    Duration window = index.properties().lookback();
    if (windowDays != null) {
      if (windowDays < 1 || windowDays > 730) {
        errors.add(new FieldError("windowDays", "统计时段须在 1 至 730 天之间"));
      } else {
        window = Duration.ofDays(windowDays);
      }
    }
    Set<Category> cats = list(categories, Category.class, "categories", errors);
    Set<ReportKind> ks = list(kinds, ReportKind.class, "kinds", errors);
    return new IndexFilter(moment, window, cats, ks);
  }

  private static <E extends Enum<E>> Set<E> list(String csv, Class<E> type, String field, List<FieldError> errors) {
    Set<E> out = new LinkedHashSet<>();
    if (csv == null || csv.isBlank()) {
      return out;
    }
    for (String s : csv.split(",")) {
      E e = GridReportValidator.parse(type, s.strip());
      if (e == null) {
        errors.add(new FieldError(field, "取值无效：" + (s.length() > 30 ? s.substring(0, 30) : s)));
        return Set.of();
      }
      out.add(e);
    }
    return out;
  }

  private boolean isBelow(UnitIndex u, String ancestor) {
    return geography.lineage(geography.get(u.unitCode())).stream().anyMatch(x -> x.code().equals(ancestor));
  }

  /** A unit is visible when it lies within the caller's area: a street sees itself and below, never a neighbour. */
  boolean visible(Scope scope, String unitCode) {
    Unit u = geography.get(unitCode);
    if (scope.coversDistrict(u.districtCode())) {
      return true;
    }
    String street = geography.ancestorAt(u, Level.STREET).map(Unit::code).orElse(null);
    String community = geography.ancestorAt(u, Level.COMMUNITY).map(Unit::code).orElse(null);
    String grid = u.level() == Level.GRID ? u.code() : null;
    return street != null && scope.covers(street, community, grid);
  }
}
