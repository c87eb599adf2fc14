package org.huian.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * Names of the demo users the default profile seeds (password {@code demo}), for the embedded
 * default district, Dongcheng. The only place in the code that knows Dongcheng's codes.
 */
public final class DemoUsers {

  /** The embedded default district (东城区). */
  public static final String DISTRICT_CODE = "110101000000";
  public static final String DISTRICT = "district";
  /** The demo profile's generated year of risk data: a troubled street (前门) and two rising ones (东华门, 建国门). */
  public static final String TROUBLED_STREET = "110101011000";
  public static final java.util.List<String> RISING_STREETS = java.util.List.of("110101001000", "110101008000");
  public static final String ANDINGMEN = "110101004000";
  public static final String STREET_ANDINGMEN = "street-andingmen";
  /** The first community of 安定门 by code (110101004001), and its first grid. */
  public static final String COMMUNITY_USER = "community-110101004001";
  public static final String GRID_USER = "grid-110101004001-01";
  /** That grid, as the API's examples name it. */
  public static final String ANDINGMEN_GRID = "110101004001-01";
  /** A made-up organisation's credit code in the demo district (its region digits), for the API's examples. */
  public static final String EXAMPLE_CREDIT_CODE = "91110101MA00000001";
  public static final String PASSWORD = "demo";
  /** A process designer (group {@code process-designers}): deploys from Camunda Modeler, reads no case. */
  public static final String DESIGNER = "designer";
  /** The privacy officer (group {@code privacy-officer}): rights requests and the access log (docs/privacy.md). */
  public static final String PRIVACY_OFFICER = "privacy";

  private static final Map<String, String> PINYIN = pinyin();

  private DemoUsers() {}

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
