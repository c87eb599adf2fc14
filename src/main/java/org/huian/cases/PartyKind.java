package org.huian.cases;

public enum PartyKind {
  PERSON,
  ORGANISATION
}
