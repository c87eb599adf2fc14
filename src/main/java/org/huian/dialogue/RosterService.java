package org.huian.dialogue;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.huian.problem.Constraints;
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
  public record OfficerRequest(
      @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不能超过 50 字") String name,
      @NotBlank(message = "请选择所属单位（法院、检察院或司法局）")
      @Pattern(regexp = "COURT|PROCURATORATE|JUSTICE_BUREAU", message = ORGANISATION) String organisation,
      @NotBlank(message = "请填写职务") @Size(max = 100, message = "职务不能超过 100 字") String role,
      @NotBlank(message = "请填写联系方式") @Size(max = 30, message = "联系方式不能超过 30 字")
      @Pattern(regexp = "\\s*[0-9+\\-() ]{5,30}\\s*", message = "联系方式须为电话号码") String contact,
      @NotBlank(message = "请选择街道") String streetCode) {}

  /** An officer as the API shows it. */
  public record OfficerView(String officerNo, String name, String organisation, String organisationName, String role,
      String contact, String streetCode, String streetName) {}

  public record RosterGap(String streetCode, String streetName) {}

  /** One street's officers and the organisations it still lacks. */
  public record StreetRoster(String streetCode, String streetName, int officers, List<String> missingOrganisations) {}

  /** {@code gaps}: the streets without any officer; {@code complete} when there are none. */
  public record RosterCoverage(boolean complete, List<RosterGap> gaps, List<StreetRoster> streets) {}

  static final String ORGANISATION = "所属单位须为 COURT、PROCURATORATE 或 JUSTICE_BUREAU";

  private final RosterRepository repository;
  private final DialogueJdbc numbers;
  private final Geography geography;
  private final Validator validator;

  RosterService(RosterRepository repository, DialogueJdbc numbers, Geography geography, Validator validator) {
    this.repository = repository;
    this.numbers = numbers;
    this.geography = geography;
    this.validator = validator;
  }

  @Transactional(readOnly = true)
  public List<OfficerView> list(CurrentUser user, String streetCode) {
    List<RosterRepository.Officer> officers = repository.officers(user.scope().all() ? null : user.scope().streets());
    return officers.stream().filter(o -> streetCode == null || o.streetCode().equals(streetCode))
        .map(this::view).toList();
  }

  @Transactional
  public OfficerView create(OfficerRequest r, CurrentUser user) {
    requireDistrict(user);
    RosterRepository.Officer valid = validate(null, r);
    RosterRepository.Officer o = new RosterRepository.Officer(String.format("MC-%04d", numbers.next("officer")),
        valid.name(), valid.organisation(), valid.role(), valid.contact(), valid.streetCode());
    repository.insertOfficer(o, user.id());
    return view(o);
  }

  /** Registers an officer submitted by the roster form in Tasklist (the actor is the form's user). */
  @Transactional
  public RosterRepository.Officer register(OfficerRequest r, String actor) {
    RosterRepository.Officer valid = validate(null, r);
    RosterRepository.Officer o = new RosterRepository.Officer(String.format("MC-%04d", numbers.next("officer")),
        valid.name(), valid.organisation(), valid.role(), valid.contact(), valid.streetCode());
    repository.insertOfficer(o, actor);
    return o;
  }

  @Transactional
  public OfficerView update(String officerNo, OfficerRequest r, CurrentUser user) {
    requireDistrict(user);
    find(officerNo);
    RosterRepository.Officer o = validate(officerNo, r);
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
  public RosterCoverage coverage(CurrentUser user) {
    List<RosterRepository.Officer> all = repository.officers(null);
    Map<String, List<RosterRepository.Officer>> byStreet = all.stream()
        .collect(Collectors.groupingBy(RosterRepository.Officer::streetCode));
    List<StreetRoster> streets = new ArrayList<>();
    List<RosterGap> gaps = new ArrayList<>();
    for (Unit street : geography.all(Level.STREET)) {
      if (!user.scope().all() && !user.scope().streets().contains(street.code())) {
        continue;
      }
      List<RosterRepository.Officer> officers = byStreet.getOrDefault(street.code(), List.of());
      Set<Organisation> present = officers.stream().map(RosterRepository.Officer::organisation).collect(Collectors.toSet());
      streets.add(new StreetRoster(street.code(), street.name(), officers.size(),
          java.util.Arrays.stream(Organisation.values()).filter(o -> !present.contains(o)).map(Enum::name).toList()));
      if (officers.isEmpty()) {
        gaps.add(new RosterGap(street.code(), street.name()));
      }
    }
    return new RosterCoverage(gaps.isEmpty(), gaps, streets);
  }

  RosterRepository.Officer validate(String officerNo, OfficerRequest r) {
    if (r == null) {
      throw new InvalidRequestException("body", "请求体不能为空");
    }
    List<FieldError> errors = new ArrayList<>(Constraints.check(validator, r));
    String name = DialogueRules.text(errors, "name", r.name(), 50, true, "姓名");
    Organisation org = null;
    if (r.organisation() == null || r.organisation().isBlank()) {
      errors.add(new FieldError("organisation", "请选择所属单位（法院、检察院或司法局）"));
    } else {
      try {
        org = Organisation.valueOf(r.organisation());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("organisation", ORGANISATION));
      }
    }
    String role = DialogueRules.text(errors, "role", r.role(), 100, true, "职务");
    String contact = DialogueRules.text(errors, "contact", r.contact(), 30, true, "联系方式");
    if (contact != null && !DialogueRules.CONTACT.matcher(contact).matches()) {
      errors.add(new FieldError("contact", "联系方式须为电话号码"));
    }
    Unit street = DialogueRules.street(errors, geography, "streetCode", r.streetCode());
    DialogueSupport.reject(errors);
    return new RosterRepository.Officer(officerNo, name, org, role, contact, street.code());
  }

  private RosterRepository.Officer find(String officerNo) {
    return repository.officer(officerNo).orElseThrow(() -> new NotFoundException("名册中没有该干警：" + DialogueRules.abbreviate(officerNo)));
  }

  private static void requireDistrict(CurrentUser user) {
    if (!DialogueGroups.isDistrict(user)) {
      throw new ForbiddenException("名册由区综治中心维护");
    }
  }

  OfficerView view(RosterRepository.Officer o) {
    return new OfficerView(o.officerNo(), o.name(), o.organisation().name(), o.organisation().nameZh(), o.role(), o.contact(),
        o.streetCode(), geography.get(o.streetCode()).name());
  }
}
