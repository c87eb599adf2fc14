package org.huian.dialogue;

/** 集中座谈、随机访谈、定向约访 */
public enum MeetingMode {
  GROUP_MEETING("集中座谈"),
  RANDOM_VISIT("随机访谈"),
  TARGETED_APPOINTMENT("定向约访");

  private final String nameZh;

  MeetingMode(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
