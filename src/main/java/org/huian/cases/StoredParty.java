package org.huian.cases;

/** A party of a case as stored; {@code id} is null before it is stored. */
public record StoredParty(Long id, PartyRole role, PartyKind kind, String name, String phone) {

  public String roleNameZh() {
    return switch (role) {
      case APPLICANT -> "申请人";
      case RESPONDENT -> "被申请人";
      case THIRD_PARTY -> "第三人";
    };
  }
}
