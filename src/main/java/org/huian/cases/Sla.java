package org.huian.cases;

/** Deadline state at the current level: GREEN on time, AMBER past the warning, RED breached. */
public enum Sla {
  GREEN("正常"),
  AMBER("临期预警"),
  RED("已超期");

  private final String nameZh;

  Sla(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
