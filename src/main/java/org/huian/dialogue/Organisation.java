package org.huian.dialogue;

/** The judicial bodies whose officers are assigned by name to the street centres (政法干警). */
public enum Organisation {
  COURT("区人民法院"),
  PROCURATORATE("区人民检察院"),
  JUSTICE_BUREAU("区司法局");

  private final String nameZh;

  Organisation(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
