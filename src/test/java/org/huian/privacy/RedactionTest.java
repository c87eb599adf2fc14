package org.huian.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The redaction rules without a database: labels, numbers in text, serialized values. */
class RedactionTest {

  static final String ID = "110101199003071233";

  @Test
  void shouldValidateResidentIdNumbersByTheirCheckCharacter() {
    assertThat(PersonalIdentifiers.idNumber(ID)).contains(ID);
    assertThat(PersonalIdentifiers.idNumber("11010119900307123X")).isEmpty();
    assertThat(PersonalIdentifiers.idNumber("11010519491231002x")).contains("11010519491231002X");
    assertThat(PersonalIdentifiers.idNumber("91110101MA01ABCD2X")).as("a credit code is no ID number").isEmpty();
  }

  @Test
  void shouldLabelPersonsInTheirOrderAndKeepOrganisations() {
    Redaction r = new Redaction();
    assertThat(r.person("王秀英")).isEqualTo("当事人A");
    assertThat(r.person("赵建华")).isEqualTo("当事人B");
    assertThat(r.person(" 王秀英 ")).as("the same person keeps her label").isEqualTo("当事人A");
    assertThat(r.person("当事人A")).as("a label stays a label (a second run changes nothing)").isEqualTo("当事人A");
    r.phone("139-1111-2222");
    assertThat(r.text("王秀英与赵建华因漏水争执，王秀英电话13911112222，某物业公司电话010-87654321"))
        .isEqualTo("当事人A与当事人B因漏水争执，当事人A电话〔已删除〕，某物业公司电话〔已删除〕");
    assertThat(r.text(r.text("王秀英电话 139 1111 2222"))).isEqualTo(r.text("王秀英电话 139 1111 2222"));
    assertThat(Redaction.label(26)).isEqualTo("当事人27");
  }

  @Test
  void shouldRemoveNumbersInTextButKeepCaseNumbersAndAmounts() {
    Redaction r = new Redaction();
    assertThat(r.text("身份证" + ID + "，案件DC2026120300000042，欠款86000元，手机+86 138 1234 5678"))
        .isEqualTo("身份证〔已删除〕，案件DC2026120300000042，欠款86000元，手机〔已删除〕");
    assertThat(r.text("编号110101199003071230")).as("a wrong check character is no ID number").contains("110101199003071230");
  }

  @Test
  void shouldRedactJsonTextAndKeepJavaSerializedValuesReadable() throws Exception {
    Redaction r = new Redaction();
    r.person("李建国");
    r.phone("13812345678");
    byte[] json = "{\"name\":\"李建国\",\"phone\":\"13812345678\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(new String(r.bytes(json), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"当事人A\",\"phone\":\"〔已删除〕\"}");

    List<String> value = new ArrayList<>(List.of("李建国", "13812345678", "其他"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(out)) {
      o.writeObject(value);
    }
    byte[] redacted = r.bytes(out.toByteArray());
    try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(redacted))) {
      assertThat(in.readObject()).isEqualTo(List.of("*********", "***********", "其他"));
    }
    byte[] untouched = "no secrets".getBytes(StandardCharsets.UTF_8);
    assertThat(r.bytes(untouched)).isSameAs(untouched);
  }

  @Test
  void shouldTellOrganisationsFromPersonsBySuffixOrCreditCode() {
    assertThat(CaseAnonymiser.isOrganisation("北京某消防工程有限公司", null)).isTrue();
    assertThat(CaseAnonymiser.isOrganisation("张记小吃店", null)).isTrue();
    assertThat(CaseAnonymiser.isOrganisation("吴志明", null)).isFalse();
    assertThat(CaseAnonymiser.isOrganisation("吴志明", "91110101MA01ABCD2X")).isTrue();
    assertThat(CaseAnonymiser.isOrganisation("吴志明", ID)).isFalse();
  }
}
