package org.huian.mediation;

public enum JudicialKind {
  /** 司法确认: the court confirms the mediated agreement, which becomes enforceable. */
  JUDICIAL_CONFIRMATION("申请司法确认"),
  /** 诉讼 */
  LITIGATION("提起诉讼");

  private final String nameZh;

  JudicialKind(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
