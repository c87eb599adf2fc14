package org.huian.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster (名册管理): court, procuratorate and justice-bureau officers assigned by name to the
 * street centres. The district keeps it; a street reads its own officers.
 */
@Service
public class RosterService {

  /** One officer as the API and the roster form submit it. */
  public record OfficerRequest(String name, String organisation, String role, String contact, String streetCode) {}

  private final DialogueRepository repository;
  private final Geography geography;

  RosterService(DialogueRepository repository, Geography geography) {
    this.repository = repository;
    this.geography = geography;
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> list(CurrentUser user, String streetCode) {
    List<DialogueRepository.Officer> officers = repository.officers(user.scope().all() ? null : user.scope().streets());
    return officers.stream().filter(o -> streetCode == null || o.streetCode().equals(streetCode))
        .map(this::view).toList();
  }

  @Transactional
  public Map<String, Object> create(OfficerRequest r, CurrentUser user) {
    requireDistrict(user);
    DialogueRepository.Officer valid = validate(null, r);
    DialogueRepository.Officer o = new DialogueRepository.Officer(String.format("MC-%04d", repository.next("officer")),
        valid.name(), valid.organisation(), valid.role(), valid.contact(), valid.streetCode());
    repository.insertOfficer(o, user.id());
    return view(o);
  }

  /** Registers an officer submitted by the roster form in Tasklist (the actor is the form's user). */
  @Transactional
  public DialogueRepository.Officer register(OfficerRequest r, String actor) {
    DialogueRepository.Officer valid = validate(null, r);
    DialogueRepository.Officer o = new DialogueRepository.Officer(String.format("MC-%04d", repository.next("officer")),
        valid.name(), valid.organisation(), valid.role(), valid.contact(), valid.streetCode());
    repository.insertOfficer(o, actor);
    return o;
  }

  @Transactional
  public Map<String, Object> update(String officerNo, OfficerRequest r, CurrentUser user) {
    requireDistrict(user);
    find(officerNo);
    DialogueRepository.Officer o = validate(officerNo, r);
    repository.updateOfficer(o);
    return view(o);
  }

  @Transactional
  public void delete(String officerNo, CurrentUser user) {
    requireDistrict(user);
    find(officerNo);
    repository.deleteOfficer(officerNo);
  }

  /** Every street's officers per organisation, and the streets without any (the gaps to fill). */
  @Transactional(readOnly = true)
  public Map<String, Object> coverage(CurrentUser user) {
    List<DialogueRepository.Officer> all = repository.officers(null);
    Map<String, List<DialogueRepository.Officer>> byStreet = all.stream()
        .collect(Collectors.groupingBy(DialogueRepository.Officer::streetCode));
    List<Map<String, Object>> streets = new ArrayList<>();
    List<Map<String, Object>> gaps = new ArrayList<>();
    for (Unit street : geography.all(Level.STREET)) {
      if (!user.scope().all() && !user.scope().streets().contains(street.code())) {
        continue;
      }
      List<DialogueRepository.Officer> officers = byStreet.getOrDefault(street.code(), List.of());
      Set<Organisation> present = officers.stream().map(DialogueRepository.Officer::organisation).collect(Collectors.toSet());
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("streetCode", street.code());
      s.put("streetName", street.name());
      s.put("officers", officers.size());
      s.put("missingOrganisations", java.util.Arrays.stream(Organisation.values()).filter(o -> !present.contains(o))
          .map(Enum::name).toList());
      streets.add(s);
      if (officers.isEmpty()) {
        gaps.add(Map.of("streetCode", street.code(), "streetName", street.name()));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("complete", gaps.isEmpty());
    out.put("gaps", gaps);
    out.put("streets", streets);
    return out;
  }

  DialogueRepository.Officer validate(String officerNo, OfficerRequest r) {
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    List<FieldError> errors = new ArrayList<>();
    String name = DialogueRules.text(errors, "name", r.name(), 50, true, "姓名");
    Organisation org = null;
    if (r.organisation() == null || r.organisation().isBlank()) {
      errors.add(new FieldError("organisation", "请选择所属单位（法院、检察院或司法局）"));
    } else {
      try {
        org = Organisation.valueOf(r.organisation());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("organisation", "所属单位须为 COURT、PROCURATORATE 或 JUSTICE_BUREAU"));
      }
    }
    String role = DialogueRules.text(errors, "role", r.role(), 100, true, "职务");
    String contact = DialogueRules.text(errors, "contact", r.contact(), 30, true, "联系方式");
    if (contact != null && !DialogueRules.CONTACT.matcher(contact).matches()) {
      errors.add(new FieldError("contact", "联系方式须为电话号码"));
    }
    Unit street = DialogueRules.street(errors, geography, "streetCode", r.streetCode());
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new DialogueRepository.Officer(officerNo, name, org, role, contact, street.code());
  }

  private DialogueRepository.Officer find(String officerNo) {
    return repository.officer(officerNo).orElseThrow(() -> new NotFoundException("名册中没有该干警：" + DialogueRules.abbreviate(officerNo)));
  }

  private static void requireDistrict(CurrentUser user) {
    if (!DialogueGroups.isDistrict(user)) {
      throw new ForbiddenException("名册由区综治中心维护");
    }
  }

  Map<String, Object> view(DialogueRepository.Officer o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("officerNo", o.officerNo());
    m.put("name", o.name());
    m.put("organisation", o.organisation().name());
    m.put("organisationName", o.organisation().nameZh());
    m.put("role", o.role());
    m.put("contact", o.contact());
    m.put("streetCode", o.streetCode());
    m.put("streetName", geography.get(o.streetCode()).name());
    return m;
  }
}
