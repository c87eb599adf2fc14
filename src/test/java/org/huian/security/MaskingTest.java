package org.huian.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void shouldKeepOnlyTheFirstThreeAndLastFourDigits() {
    assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    assertThat(Masking.phone("010-87654321")).isEqualTo("010****4321");
    assertThat(Masking.phone("12345")).isEqualTo("****");
    assertThat(Masking.phone(null)).isNull();
  }

  @Test
  void shouldKeepTheFamilyNameOnly() {
    assertThat(Masking.name("李明")).isEqualTo("李*");
    assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
  }
}
