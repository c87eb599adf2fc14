package org.huian.cases;

public enum Complexity {
  NORMAL("一般案件"),
  COMPLEX("复杂案件");

  private final String nameZh;

  Complexity(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
