package org.huian.risk;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises the identifiers of a subject so that the same company, phone or address written in
 * different ways gives the same key (数据碰撞). Each rule is deliberately simple and explainable:
 * <ul>
 *   <li>{@code CREDIT_CODE}: the 18-character unified social credit code (GB 32100-2015), upper
 *       case, only when its check character is right;
 *   <li>{@code ORG_NAME}: full-width to half-width (NFKC), spaces and punctuation removed, a
 *       leading place names (a province or municipality, then the name of a district this installation
 *       serves, such as 北京市/北京/东城区) and a trailing legal form (有限责任公司, 股份有限公司, 有限公司,
 *       公司, 分公司 …) removed; names shorter than two characters after that, and placeholder names
 *       with 某 (某公司), give no key;
 *   <li>{@code PHONE}: digits only, +86/0086 removed; mobile numbers (11 digits from 1) and
 *       Beijing landlines (8 digits, with or without 010) give a key;
 *   <li>{@code ADDRESS}: NFKC, spaces and punctuation removed, the same leading place names removed; at least
 *       six characters, so that a street name alone never links two items.
 * </ul>
 */
public final class SubjectKeys {

  public enum KeyKind {
    CREDIT_CODE("统一社会信用代码"),
    ORG_NAME("单位名称"),
    PHONE("联系电话"),
    ADDRESS("地址");

    private final String nameZh;

    KeyKind(String nameZh) {
      this.nameZh = nameZh;
    }

    public String nameZh() {
      return nameZh;
    }
  }

  public record Key(KeyKind kind, String value, String label) {}

  private static final Pattern NOISE = Pattern.compile("[\\s\\p{P}\\p{S}]+");
  /** Province-level names with their suffix; the four municipalities also bare (北京某公司). */
  private static final List<String> PROVINCES = provinces();
  /** The short names of the districts this installation serves (东城区, 余杭区), set from the unit tree. */
  private static volatile List<String> districtNames = List.of();
  private static final String[] LEGAL_FORMS = {"有限责任公司", "股份有限公司", "有限公司", "分公司", "集团公司", "公司", "工作室", "经营部", "门市部"};
  private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private SubjectKeys() {}

  /** The keys of one subject; empty when nothing identifies it. */
  public static List<Key> of(String name, String creditCode, String phone, String address) {
    List<Key> keys = new ArrayList<>();
    creditCode(creditCode).ifPresent(v -> keys.add(new Key(KeyKind.CREDIT_CODE, v, v)));
    orgName(name).ifPresent(v -> keys.add(new Key(KeyKind.ORG_NAME, v, name.strip())));
    phone(phone).ifPresent(v -> keys.add(new Key(KeyKind.PHONE, v, v)));
    address(address).ifPresent(v -> keys.add(new Key(KeyKind.ADDRESS, v, address.strip())));
    return keys;
  }

  public static java.util.Optional<String> creditCode(String code) {
    if (code == null) {
      return java.util.Optional.empty();
    }
    String c = Normalizer.normalize(code, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    return validCreditCode(c) ? java.util.Optional.of(c) : java.util.Optional.empty();
  }

  /** GB 32100-2015: 18 characters of the alphabet, the last a weighted mod-31 check. */
  public static boolean validCreditCode(String c) {
    if (c == null || c.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = CREDIT_ALPHABET.indexOf(c.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * CREDIT_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return c.charAt(17) == CREDIT_ALPHABET.charAt(check);
  }

  public static java.util.Optional<String> orgName(String name) {
    if (name == null) {
      return java.util.Optional.empty();
    }
    String n = NOISE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
    n = withoutPlace(n);
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String f : LEGAL_FORMS) {
        if (n.endsWith(f) && n.length() > f.length()) {
          n = n.substring(0, n.length() - f.length());
          stripped = true;
        }
      }
    }
    boolean onlyLegalForm = java.util.Arrays.asList(LEGAL_FORMS).contains(n);
    // 某 marks a name withheld (某餐饮店, 某公司): it names nobody, and would link strangers
    return n.length() >= 2 && !onlyLegalForm && !n.contains("某") ? java.util.Optional.of(n) : java.util.Optional.empty();
  }

  public static java.util.Optional<String> phone(String phone) {
    if (phone == null) {
      return java.util.Optional.empty();
    }
    String d = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("[^0-9+]", "");
    if (d.startsWith("+86")) {
      d = d.substring(3);
    } else if (d.startsWith("0086")) {
      d = d.substring(4);
    }
    d = d.replace("+", "");
    if (d.length() == 11 && d.startsWith("1")) {
      return java.util.Optional.of(d);
    }
    if (d.length() == 11 && d.startsWith("010")) {
      d = d.substring(3);
    }
    return d.length() == 8 && !d.startsWith("0") ? java.util.Optional.of("010" + d) : java.util.Optional.empty();
  }

  public static java.util.Optional<String> address(String address) {
    if (address == null) {
      return java.util.Optional.empty();
    }
    String a = NOISE.matcher(Normalizer.normalize(address, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
    a = withoutPlace(a);
    return a.length() >= 6 ? java.util.Optional.of(a) : java.util.Optional.empty();
  }

  /** Tells the matching which district names to strip; called whenever the unit tree changes. */
  public static void usePlaceNames(java.util.Collection<String> districtShortNames) {
    districtNames = districtShortNames.stream().map(n -> Normalizer.normalize(n, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
        .filter(n -> n.length() >= 2).sorted((a, b) -> b.length() - a.length()).toList();
  }

  /** A leading province (or municipality), then a leading district name, each at most once. */
  private static String withoutPlace(String s) {
    for (String p : PROVINCES) {
      if (s.startsWith(p)) {
        s = s.substring(p.length());
        break;
      }
    }
    for (String d : districtNames) {
      if (s.startsWith(d)) {
        s = s.substring(d.length());
        break;
      }
    }
    return s;
  }

  private static List<String> provinces() {
    List<String> names = new ArrayList<>();
    for (String m : List.of("北京", "天津", "上海", "重庆")) {
      names.add(m + "市");
    }
    for (String p : List.of("河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
        "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾")) {
      names.add(p + "省");
    }
    names.addAll(List.of("内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区"));
    names.addAll(List.of("北京", "天津", "上海", "重庆"));
    return List.copyOf(names); // longer forms first: 北京市 before 北京
  }
}
