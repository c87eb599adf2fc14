package org.huian.cases;

public enum PartyRole {
  APPLICANT,
  RESPONDENT,
  THIRD_PARTY
}
