package org.huian.open311;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huian.cases.CaseRow;
import org.huian.cases.Category;
import org.huian.open311.Open311Views.Attribute;
import org.huian.open311.Open311Views.Service;
import org.huian.open311.Open311Views.ServiceDefinition;
import org.huian.open311.Open311Views.Value;

/**
 * The service list: one service per case category ({@link Category}), its code the category's
 * name, grouped into 矛盾纠纷 (disputes) and 风险隐患 (risks), with the attributes intake needs
 * beyond the standard fields. Also the privacy rule of the public reads (docs/open311.md).
 */
final class Open311Catalogue {

  static final String GROUP_DISPUTE = "矛盾纠纷";
  static final String GROUP_RISK = "风险隐患";

  /**
   * Categories whose requests are never shown publicly, like FixMyStreet's private
   * ({@code non_public}) categories: family matters (婚姻家庭), petitions (信访, which the
   * petition regulations keep confidential) and medical disputes (health data is sensitive
   * personal information, PIPL Art. 28).
   */
  static final Set<Category> PRIVATE = EnumSet.of(Category.FAMILY, Category.PETITION, Category.MEDICAL);

  static final String PEOPLE = "people_involved";
  static final String AMOUNT = "amount_involved";
  static final String CROSS_REGION = "cross_region";
  static final String RESPONDENT = "respondent_name";
  static final String PRIVACY = "privacy_notice";

  private static final Set<Category> MONEY = EnumSet.of(Category.WAGE_ARREARS, Category.LABOUR, Category.CONSUMER,
      Category.CONSTRUCTION, Category.PROPERTY_MANAGEMENT, Category.HOUSING);
  private static final Set<Category> ACROSS = EnumSet.of(Category.WAGE_ARREARS, Category.LABOUR, Category.CONSTRUCTION);
  private static final Set<Category> AGAINST_ORGANISATION = EnumSet.of(Category.WAGE_ARREARS, Category.LABOUR,
      Category.CONSUMER, Category.CONSTRUCTION, Category.PROPERTY_MANAGEMENT);

  private static final Map<Category, String> DESCRIPTIONS = new EnumMap<>(Map.ofEntries(
      Map.entry(Category.NEIGHBOUR, "相邻关系、噪音、漏水、占道等邻里之间的纠纷"),
      Map.entry(Category.FAMILY, "婚姻、赡养、抚养、继承等家庭纠纷"),
      Map.entry(Category.PROPERTY_MANAGEMENT, "业主与物业服务企业之间的收费、服务、维修纠纷"),
      Map.entry(Category.WAGE_ARREARS, "拖欠劳动报酬、工程款中的人工费"),
      Map.entry(Category.LABOUR, "劳动合同、社会保险、工伤等劳动争议"),
      Map.entry(Category.CONSUMER, "购买商品或接受服务发生的消费纠纷"),
      Map.entry(Category.HOUSING, "房屋租赁、买卖、拆迁、土地使用纠纷"),
      Map.entry(Category.CONSTRUCTION, "工程施工、质量、结算纠纷"),
      Map.entry(Category.MEDICAL, "诊疗过程中发生的医患纠纷"),
      Map.entry(Category.TRAFFIC, "交通事故损害赔偿纠纷"),
      Map.entry(Category.PETITION, "信访事项"),
      Map.entry(Category.SAFETY_HAZARD, "消防、房屋、燃气、人员聚集等安全隐患"),
      Map.entry(Category.OTHER, "不属于以上类别的矛盾纠纷")));

  private Open311Catalogue() {}

  static String group(Category c) {
    return c == Category.SAFETY_HAZARD ? GROUP_RISK : GROUP_DISPUTE;
  }

  /** A request the public reads may not see: a private category, or an anonymous report. */
  static boolean isPrivate(CaseRow c) {
    return PRIVATE.contains(c.category()) || c.reporterAnonymous();
  }

  static List<Service> services() {
    List<Service> list = new ArrayList<>();
    for (Category c : Category.values()) {
      String description = DESCRIPTIONS.getOrDefault(c, c.nameZh())
          + (PRIVATE.contains(c) ? "。本类事项不公开：公开查询不显示其任何内容。" : "。");
      list.add(new Service(c.name(), c.nameZh(), description, true, "realtime", c.nameZh() + "," + group(c), group(c)));
    }
    return list;
  }

  static ServiceDefinition definition(Category c) {
    List<Attribute> attributes = new ArrayList<>();
    int order = 1;
    attributes.add(new Attribute(true, PEOPLE, "number", false, "正整数，1 至 100000；不填为 1", order++,
        "涉及人数", null));
    if (MONEY.contains(c)) {
      attributes.add(new Attribute(true, AMOUNT, "number", c == Category.WAGE_ARREARS, "不小于 0 的金额（元），最多两位小数",
          order++, "涉及金额（元）", null));
    }
    if (ACROSS.contains(c)) {
      attributes.add(new Attribute(true, CROSS_REGION, "singlevaluelist", false, "不填为否", order++,
          "是否跨区域（有当事人不在本区）", List.of(new Value("true", "是"), new Value("false", "否"))));
    }
    if (AGAINST_ORGANISATION.contains(c)) {
      attributes.add(new Attribute(true, RESPONDENT, "string", false, "单位全称，最多 100 个字", order++,
          "被反映的单位名称（登记为被申请人，不公开）", null));
    }
    if (PRIVATE.contains(c)) {
      attributes.add(new Attribute(false, PRIVACY, "text", false, null, order,
          "本类事项不公开：公开查询（GET requests）不显示其任何内容，只有提交它的客户端用自己的 api_key 可以查询办理状态。", null));
    }
    return new ServiceDefinition(c.name(), attributes);
  }

  /** The attribute codes a category takes (the informational privacy notice is no input). */
  static Set<String> inputs(Category c) {
    Set<String> codes = new java.util.HashSet<>();
    definition(c).attributes().stream().filter(Attribute::variable).forEach(a -> codes.add(a.code()));
    return codes;
  }
}
