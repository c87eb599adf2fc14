package org.huian.dialogue;

/** The yearly cycle: implementation all year, then the review, the assessment and the close. */
public enum CycleStatus {
  IMPLEMENTATION("落实中"),
  REVIEW("成效评估中"),
  ASSESSMENT("考核约谈中"),
  CLOSED("已结束");

  private final String nameZh;

  CycleStatus(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
