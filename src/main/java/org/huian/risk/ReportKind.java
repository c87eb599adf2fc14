package org.huian.risk;

/** What a grid report is about: people, places, events, objects, sentiment (人地事物情). */
public enum ReportKind {
  PERSON("人"),
  PLACE("地"),
  EVENT("事"),
  OBJECT("物"),
  SENTIMENT("情");

  private final String nameZh;

  ReportKind(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
