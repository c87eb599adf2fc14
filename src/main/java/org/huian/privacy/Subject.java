package org.huian.privacy;

import java.util.ArrayList;
import java.util.List;
import org.huian.config.TextRules;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.security.Masking;

/** The person a rights request is about, named by exactly one phone number or ID number. */
record Subject(Kind kind, String value) {

  enum Kind { PHONE, ID_NUMBER }

  /** The request body of an export or an erasure. */
  record Request(String phone, String idNumber, String reason) {}

  static Subject of(Request r, boolean reasonRequired) {
    List<FieldError> errors = new ArrayList<>();
    if (r == null) {
      throw new InvalidRequestException("phone", "请填写电话号码或身份证号码之一");
    }
    boolean phone = r.phone() != null && !r.phone().isBlank();
    boolean id = r.idNumber() != null && !r.idNumber().isBlank();
    Subject s = null;
    if (phone == id) {
      errors.add(new FieldError(phone ? "idNumber" : "phone", "请填写电话号码或身份证号码之一（只能填一项）"));
    } else if (phone) {
      String digits = r.phone().length() > 40 ? null : PersonalIdentifiers.phoneDigits(r.phone()).orElse(null);
      if (digits == null || !r.phone().matches("[0-9+\\- ()]+")) {
        errors.add(new FieldError("phone", "电话号码格式不正确（7 至 15 位数字）"));
      } else {
        s = new Subject(Kind.PHONE, digits);
      }
    } else {
      String v = r.idNumber().length() > 40 ? null : PersonalIdentifiers.idNumber(r.idNumber()).orElse(null);
      if (v == null) {
        errors.add(new FieldError("idNumber", "身份证号码不正确（18 位，校验位须正确）"));
      } else {
        s = new Subject(Kind.ID_NUMBER, v);
      }
    }
    if (reasonRequired) {
      if (r.reason() == null || r.reason().isBlank()) {
        errors.add(new FieldError("reason", "请填写删除依据（如个人提出删除请求的登记号）"));
      } else if (r.reason().length() > 500 || TextRules.hasControlCharacters(r.reason())) {
        errors.add(new FieldError("reason", "删除依据不能超过 500 字，且不能含控制字符"));
      }
    } else if (r.reason() != null && (r.reason().length() > 500 || TextRules.hasControlCharacters(r.reason()))) {
      errors.add(new FieldError("reason", "说明不能超过 500 字，且不能含控制字符"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return s;
  }

  /** For the audit: 138****5678, or the ID number's first six and last four characters. */
  String masked() {
    return kind == Kind.PHONE ? Masking.phone(value) : value.substring(0, 6) + "********" + value.substring(14);
  }

  String field() {
    return kind == Kind.PHONE ? "phone" : "idNumber";
  }

  /** A stored phone (any format) is this subject's number. */
  boolean isPhone(String stored) {
    if (kind != Kind.PHONE || stored == null) {
      return false;
    }
    return PersonalIdentifiers.phoneDigits(stored)
        .map(d -> d.equals(value) || ("010" + d).equals(value) || d.equals("010" + value)).orElse(false);
  }

  /** A free text mentions this subject's number. */
  boolean mentionedIn(String text) {
    if (text == null) {
      return false;
    }
    if (kind == Kind.PHONE) {
      return text.replaceAll("[\\s\\-]", "").contains(value);
    }
    return text.toUpperCase(java.util.Locale.ROOT).contains(value);
  }
}
