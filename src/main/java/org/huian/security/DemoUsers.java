package org.huian.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;

/**
 * Names of the demo users the default profile seeds (password {@code demo}), for the embedded
 * default district, Dongcheng. Its units come from {@code data/dongcheng/demo.properties}: data,
 * like the unit tree they name, not code.
 */
public final class DemoUsers {

  private static final Properties DEMO = properties("data/dongcheng/demo.properties");

  /** The embedded default district (东城区). */
  public static final String DISTRICT_CODE = demo("district");
  public static final String DISTRICT = "district";
  /** The demo profile's generated year of risk data: a troubled street (前门) and two rising ones (东华门, 建国门). */
  public static final String TROUBLED_STREET = demo("troubled-street");
  public static final java.util.List<String> RISING_STREETS = java.util.List.of(demo("rising-streets").split(","));
  /** The demo street (安定门) of {@link #STREET_ANDINGMEN}. */
  public static final String ANDINGMEN = demo("demo-street");
  public static final String STREET_ANDINGMEN = "street-andingmen";
  /** The demo street's first community, and that community's first grid. */
  public static final String COMMUNITY_USER = "community-" + demo("demo-community");
  public static final String GRID_USER = "grid-" + demo("demo-grid");
  /** That grid. */
  public static final String ANDINGMEN_GRID = demo("demo-grid");
  /** A made-up organisation's credit code in the demo district (its region digits). */
  public static final String EXAMPLE_CREDIT_CODE = demo("example-credit-code");
  public static final String PASSWORD = "demo";
  /** A process designer (group {@code process-designers}): deploys from Camunda Modeler, reads no case. */
  public static final String DESIGNER = "designer";
  /** The privacy officer (group {@code privacy-officer}): rights requests and the access log (docs/privacy.md). */
  public static final String PRIVACY_OFFICER = "privacy";

  private static final Map<String, String> PINYIN = pinyin();

  private DemoUsers() {}

  private static Properties properties(String resource) {
    Properties p = new Properties();
    try (var in = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static String demo(String key) {
    String value = DEMO.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("data/dongcheng/demo.properties has no " + key);
    }
    return value.strip();
  }

  /** Lower-case pinyin of a Dongcheng street, e.g. {@code andingmen}, for the demo user names. */
  public static String streetPinyin(String streetCode) {
    return PINYIN.get(streetCode);
  }

  private static Map<String, String> pinyin() {
    Map<String, String> map = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new ClassPathResource("data/dongcheng/streets.csv").getInputStream(), StandardCharsets.UTF_8))) {
      in.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)) // code,code9,name_zh,name_short_zh,name_pinyin,...
          .forEach(r -> map.put(r[0], r[4].toLowerCase(java.util.Locale.ROOT)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }
}
