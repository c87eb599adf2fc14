package org.huian.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cross-matching rules: one company, phone or address written in different ways gives one key. */
class SubjectKeysTest {

  /** As PlaceNames does in the application: the districts of the unit tree (here the embedded one, 东城区). */
  @org.junit.jupiter.api.BeforeAll
  static void placeNames() {
    SubjectKeys.usePlaceNames(new org.huian.geography.Geography().districts().stream()
        .map(org.huian.geography.Unit::shortName).toList());
  }

  @Test
  void shouldStripTheProvinceAndTheDistrictsOfThisInstallationButNoOtherWord() {
    SubjectKeys.usePlaceNames(java.util.List.of("东城区", "余杭区"));
    assertThat(SubjectKeys.orgName("浙江省余杭区良渚某建材有限公司")).isEqualTo(SubjectKeys.orgName("良渚某建材公司"));
    assertThat(SubjectKeys.address("浙江省余杭区良渚街道良渚村12号")).contains("良渚街道良渚村12号");
    assertThat(SubjectKeys.orgName("华联超市有限公司")).contains("华联超市");
    assertThat(SubjectKeys.orgName("北京某消防工程有限公司")).isEqualTo(SubjectKeys.orgName("东城区某消防工程公司"));
    placeNames();
  }

  @Test
  void shouldRecogniseOneCompanyUnderItsDifferentNames() {
    String key = SubjectKeys.orgName("北京京东甲消防工程有限公司").orElseThrow();
    assertThat(key).isEqualTo("京东甲消防工程");
    assertThat(SubjectKeys.orgName("京东甲消防工程公司")).contains(key);
    assertThat(SubjectKeys.orgName("北京市京东甲消防工程有限责任公司")).contains(key);
    assertThat(SubjectKeys.orgName("京东 甲消防工程（有限公司）")).contains(key);
    assertThat(SubjectKeys.orgName("ＡＢＣ商贸有限公司")).contains("abc商贸");
    assertThat(SubjectKeys.orgName("京东乙消防工程有限公司")).isNotEqualTo(SubjectKeys.orgName("北京京东甲消防工程有限公司"));
    assertThat(SubjectKeys.orgName("公司")).as("a legal form alone names nobody").isEmpty();
    assertThat(SubjectKeys.orgName("某餐饮店")).as("a withheld name (某…) would link strangers").isEmpty();
    assertThat(SubjectKeys.orgName(" ")).isEmpty();
  }

  @Test
  void shouldNormalisePhonesAndRefuseWhatIsNoPhone() {
    assertThat(SubjectKeys.phone("+86 138-1234-5678")).contains("13812345678");
    assertThat(SubjectKeys.phone("0086 13812345678")).contains("13812345678");
    assertThat(SubjectKeys.phone("010-87654321")).contains("01087654321");
    assertThat(SubjectKeys.phone("8765 4321")).contains("01087654321");
    assertThat(SubjectKeys.phone("12345")).isEmpty();
    assertThat(SubjectKeys.phone("021-87654321")).as("not a Beijing landline: no key rather than a wrong one").isEmpty();
  }

  @Test
  void shouldCheckUnifiedSocialCreditCodes() {
    String valid = RiskDemoData.creditCode(new Random(1));
    assertThat(SubjectKeys.validCreditCode(valid)).isTrue();
    assertThat(SubjectKeys.creditCode(valid.toLowerCase())).contains(valid);
    char last = valid.charAt(17);
    String wrongCheck = valid.substring(0, 17) + (last == '0' ? '1' : '0');
    assertThat(SubjectKeys.validCreditCode(wrongCheck)).isFalse();
    assertThat(SubjectKeys.validCreditCode("91110101MA0000000I")).as("I is not in the alphabet").isFalse();
    assertThat(SubjectKeys.validCreditCode("911101")).isFalse();
    // the example code printed in GB 32100-2015
    assertThat(SubjectKeys.validCreditCode("91350100M000100Y43")).isTrue();
  }

  @Test
  void shouldNormaliseAddressesButNeverLinkOnAStreetNameAlone() {
    assertThat(SubjectKeys.address("北京市东城区安定门外大街 1 号院")).contains("安定门外大街1号院");
    assertThat(SubjectKeys.address("安定门外大街1号院")).contains("安定门外大街1号院");
    assertThat(SubjectKeys.address("东城区安定门")).isEmpty();
  }

  @Test
  void shouldNeedTheMinimumNumberOfItemsWithinOneWindow() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    List<CrossMatcher.Item> items = List.of(item(t), item(t.plus(Duration.ofDays(40))), item(t.plus(Duration.ofDays(100))),
        item(t.plus(Duration.ofDays(120))));
    assertThat(CrossMatcher.densest(items, Duration.ofDays(90))).as("day 0, 40 / 40, 100, 120 (80 days)").isEqualTo(3);
    assertThat(CrossMatcher.densest(items, Duration.ofDays(30))).isEqualTo(2);
    assertThat(CrossMatcher.densest(items, Duration.ofDays(200))).isEqualTo(4);
  }

  static CrossMatcher.Item item(Instant at) {
    return new CrossMatcher.Item("REPORT", at.toString(), at, "110101004000", null, null);
  }
}
