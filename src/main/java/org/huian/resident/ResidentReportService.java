package org.huian.resident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huian.attachment.PreparedFile;
import org.huian.attachment.Upload;
import org.huian.cases.CaseIntakeRequest;
import org.huian.cases.CaseIntakeService;
import org.huian.cases.CaseRepository;
import org.huian.cases.CaseRow;
import org.huian.cases.Channel;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.notification.NotificationOutbox;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.security.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's report from {@code /report} becomes a case through the one-window intake (channel
 * ONLINE, the same validator), its photos are stored at step {@code intake}, and a private
 * tracking link is issued and, when a phone is given, sent by SMS through the outbox: all in one
 * transaction, so a refused report leaves no case, no photo, no link and no message.
 */
@Service
class ResidentReportService {

  private static final Logger log = LoggerFactory.getLogger(ResidentReportService.class);

  /** Title derived from the description: this many characters of its first line. */
  static final int DERIVED_TITLE = 30;
  static final String ACTOR = "resident-online";
  static final String SMS_KIND = "TRACKING_LINK";
  /** Mainland mobile numbers: the link goes out by SMS, so a landline is no use here. */
  static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("^1[3-9]\\d{9}$");

  /** The answer: the case number and the private link (the only time the token is shown). */
  record Filed(String caseNo, String trackingUrl, String trackingPath, String unitName, Instant deadline, int photos,
      boolean smsQueued) {}

  private final CaseIntakeService intake;
  private final CaseRepository cases;
  private final Geography geography;
  private final TrackingLinks links;
  private final ResidentPhotos photos;
  private final NotificationOutbox outbox;

  ResidentReportService(CaseIntakeService intake, CaseRepository cases, Geography geography, TrackingLinks links,
      ResidentPhotos photos, NotificationOutbox outbox) {
    this.intake = intake;
    this.cases = cases;
    this.geography = geography;
    this.links = links;
    this.photos = photos;
    this.outbox = outbox;
  }

  /**
   * Checks the report as intake would, with the resident form's field names
   * ({@code category}, {@code description}, {@code streetCode}, {@code name}, {@code phone}, …).
   */
  CaseIntakeRequest check(ResidentReport r) {
    List<FieldError> errors = new ArrayList<>();
    if (r.website() != null && !r.website().isEmpty()) {
      // the honeypot: a hidden field people never see; bots fill every field
      errors.add(new FieldError("website", "此项应留空"));
      throw new InvalidRequestException(errors);
    }
    if (blank(r.category())) {
      errors.add(new FieldError("category", "请选择事项类别"));
    }
    if (blank(r.description())) {
      errors.add(new FieldError("description", "请描述您要反映的事情"));
    }
    if (blank(r.streetCode())) {
      errors.add(new FieldError("streetCode", "请选择事发街道"));
    }
    if (!r.isAnonymous() && blank(r.name())) {
      errors.add(new FieldError("name", "请填写您的姓名，或选择匿名反映"));
    }
    if (!r.isAnonymous() && !blank(r.phone()) && !MOBILE.matcher(r.phone().strip()).matches()) {
      errors.add(new FieldError("phone", "请填写 11 位手机号码，办理进度链接将以短信发送"));
    }
    CaseIntakeRequest request = toIntake(r);
    try {
      intake.check(request);
    } catch (InvalidRequestException e) {
      for (FieldError f : e.errors()) {
        // a derived title's faults are the description's
        String field = f.field().equals("title") && blank(r.title()) ? "description" : residentField(f.field());
        if (errors.stream().noneMatch(x -> x.field().equals(field))) {
          errors.add(new FieldError(field, f.message()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return request;
  }

  /** Takes in a checked report with its prepared photos. */
  @Transactional
  Filed file(CaseIntakeRequest request, List<PreparedFile> files) {
    CaseRow row = intake.intake(request, ACTOR).row();
    photos.store(row.caseNo(), files);
    String token = links.issue(row.caseNo(), row.createdAt());
    String url = links.url(token);
    String phone = request.anonymous() ? null : blankToNull(request.reporter().phone());
    if (phone != null) {
      outbox.enqueue(row.caseNo(), SMS_KIND, "sms:" + phone, "您反映的事项已受理",
          "您反映的事项已受理（编号 " + row.caseNo() + "），可打开链接查看办理进度：" + url);
    }
    log.info("resident report {} filed online with {} photo(s), {}", row.caseNo(), files.size(),
        phone == null ? "no SMS" : "tracking link to " + Masking.phone(phone));
    return new Filed(row.caseNo(), url, "/track/" + token, unitName(row.unitCode()), row.deadline(), files.size(),
        phone != null);
  }

  @Transactional(readOnly = true)
  TrackingView track(String token) {
    String caseNo = links.caseOf(token).orElseThrow(() -> new NotFoundException("未找到该查询链接，请核对短信或受理回执中的链接"));
    CaseRow c = cases.get(caseNo);
    boolean closed = c.status().isFinal();
    List<TrackingView.Note> notes = cases.events(caseNo).stream()
        .flatMap(e -> PublicNotes.of(e, PublicNotes.namesUnit(e.type()) ? unitName(e.unitCode()) : null)
            .map(text -> new TrackingView.Note(e.time(), text)).stream())
        .toList();
    String level = c.level() == null ? null : Level.valueOf(c.level()).nameZh();
    return new TrackingView(c.caseNo(), c.status().name(), PublicNotes.status(c.status()), closed,
        c.category().nameZh(), level, unitName(c.unitCode()), closed ? null : c.deadline(), c.createdAt(), c.closedAt(),
        photos.count(caseNo), notes);
  }

  private String unitName(String code) {
    return code == null ? null : geography.find(code).map(Unit::name).orElse(null);
  }

  static CaseIntakeRequest toIntake(ResidentReport r) {
    boolean anonymous = r.isAnonymous();
    return new CaseIntakeRequest(null, Channel.ONLINE.name(), r.category(), blank(r.title()) ? title(r.description()) : r.title(),
        r.description(),
        new CaseIntakeRequest.Location(null, blankToNull(r.communityCode()), blankToNull(r.streetCode()), r.address(), r.lat(), r.lon()),
        new CaseIntakeRequest.Reporter(anonymous ? null : r.name(), anonymous ? null : blankToNull(r.phone()), anonymous),
        null, 1, null, false, false);
  }

  /** The first line of the description, at most {@value #DERIVED_TITLE} characters. */
  static String title(String description) {
    if (blank(description)) {
      return null;
    }
    String line = description.strip().lines().findFirst().orElse("").strip();
    if (line.codePointCount(0, line.length()) <= DERIVED_TITLE) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, DERIVED_TITLE)) + "…";
  }

  /** Intake's field names as the resident form names them. */
  static String residentField(String intakeField) {
    return switch (intakeField) {
      case "location", "location.streetCode" -> "streetCode";
      case "location.communityCode", "location.gridId" -> "communityCode";
      case "location.address" -> "address";
      case "location.lat" -> "lat";
      case "location.lon" -> "lon";
      case "reporter", "reporter.name" -> "name";
      case "reporter.phone" -> "phone";
      case "title" -> "title";
      default -> intakeField;
    };
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String blankToNull(String s) {
    return blank(s) ? null : s.strip();
  }
}
