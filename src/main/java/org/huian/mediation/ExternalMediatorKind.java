package org.huian.mediation;

/** Mediators from outside the unit: a judge of a litigation–mediation station, a legal expert, a counsellor. */
public enum ExternalMediatorKind {
  JUDGE("法官"),
  LEGAL_EXPERT("法律专家"),
  COUNSELLOR("心理咨询师");

  private final String nameZh;

  ExternalMediatorKind(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
