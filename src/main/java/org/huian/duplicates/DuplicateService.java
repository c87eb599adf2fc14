package org.huian.duplicates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.huian.cases.CaseIntakeRequest;
import org.huian.cases.CaseIntakeValidator;
import org.huian.cases.CaseReceived;
import org.huian.cases.CaseRepository;
import org.huian.cases.CaseRow;
import org.huian.cases.CaseStatus;
import org.huian.cases.Category;
import org.huian.cases.PartyKind;
import org.huian.cases.ResolvedLocation;
import org.huian.cases.StoredParty;
import org.huian.geography.Geography;
import org.huian.problem.ConflictException;
import org.huian.problem.FieldError;
import org.huian.problem.InvalidRequestException;
import org.huian.problem.NotFoundException;
import org.huian.security.CurrentUser;
import org.huian.security.Scope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duplicate suggestion (docs/duplicates.md): keys every case at intake, answers the cases a new
 * report may repeat, and closes a case as a duplicate of another through its funnel.
 */
@Service
public class DuplicateService {

  private static final Logger log = LoggerFactory.getLogger(DuplicateService.class);
  /** Candidates scored in full after the key count (the rest are dropped unread). */
  static final int SCORED = 150;

  private final DuplicateRepository repository;
  private final DuplicateProperties properties;
  private final DuplicateScorer scorer;
  private final CaseIntakeValidator validator;
  private final CaseRepository cases;
  private final Geography geography;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;

  DuplicateService(DuplicateRepository repository, DuplicateProperties properties, CaseIntakeValidator validator,
      CaseRepository cases, Geography geography, RuntimeService runtimeService, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.properties = properties;
    this.scorer = new DuplicateScorer(properties.sameCategoryWindow());
    this.validator = validator;
    this.cases = cases;
    this.geography = geography;
    this.runtimeService = runtimeService;
    this.transaction = new TransactionTemplate(transactions);
  }

  // ------------------------------------------------------------------------------- suggestions

  /** The cases an intake request may repeat, among those the caller may see. Checks the request as intake does. */
  @Transactional(readOnly = true)
  public DuplicateView.Suggestions suggest(CaseIntakeRequest request, CurrentUser user) {
    ResolvedLocation location = validator.validate(request);
    return suggest(probe(request, location), Set.of(), user.scope());
  }

  /** A stored case: its duplicate links and the cases it may repeat. 404 outside the caller's scope. */
  @Transactional(readOnly = true)
  public DuplicateView.CaseDuplicates forCase(String caseNo, CurrentUser user) {
    CaseRow c = visible(caseNo, user, "caseNo");
    DuplicateRepository.Candidate self = repository.probe(caseNo).orElseThrow();
    List<DuplicateView.Suggestion> suggestions = c.status() == CaseStatus.DUPLICATE ? List.of()
        : suggest(self.probe(), Set.of(caseNo), user.scope()).items();
    return new DuplicateView.CaseDuplicates(caseNo, c.status().name(),
        repository.duplicateOf(caseNo).map(DuplicateService::view).orElse(null),
        repository.duplicatesOf(caseNo).stream().map(DuplicateService::view).toList(), suggestions);
  }

  DuplicateView.Suggestions suggest(Probe probe, Set<String> exclude, Scope scope) {
    List<String> keys = new ArrayList<>(MatchKeys.of(probe));
    Map<String, Double> weights = new HashMap<>(repository.candidates(keys, properties.candidatesPerKey(), DuplicateService::weight));
    exclude.forEach(weights::remove);
    List<String> best = weights.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(SCORED).map(Map.Entry::getKey).toList();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<DuplicateRepository.Candidate> candidates = repository.load(best, scope, now.minus(properties.recentlyClosed()));
    record Hit(DuplicateRepository.Candidate c, DuplicateScorer.Scored s) {}
    List<DuplicateView.Suggestion> items = candidates.stream()
        .map(c -> new Hit(c, scorer.score(probe, c.probe())))
        .filter(h -> h.s().score() >= properties.minScore())
        .sorted(Comparator.comparingDouble((Hit h) -> -h.s().score())
            .thenComparing(h -> h.c().probe().createdAt(), Comparator.reverseOrder()))
        .limit(properties.maxResults())
        .map(h -> view(h.c(), h.s()))
        .toList();
    return new DuplicateView.Suggestions(items, candidates.size());
  }

  /** How much holding a key says, for choosing which candidates to score. */
  static double weight(String key) {
    return switch (key.substring(0, 2)) {
      case MatchKeys.CREDIT, MatchKeys.ORG, MatchKeys.PHONE -> 3;
      case MatchKeys.ADDRESS -> 2;
      case MatchKeys.PERSON, MatchKeys.GRID -> 1;
      case MatchKeys.CATEGORY -> 0.5;
      default -> 0.3;
    };
  }

  private DuplicateView.Suggestion view(DuplicateRepository.Candidate c, DuplicateScorer.Scored s) {
    Category category = Category.valueOf(c.probe().category());
    DuplicateView.UnitRef unit = c.unitCode() == null ? null
        : geography.find(c.unitCode()).map(u -> new DuplicateView.UnitRef(u.code(), u.name()))
            .orElse(new DuplicateView.UnitRef(c.unitCode(), c.unitCode()));
    return new DuplicateView.Suggestion(c.caseNo(), c.probe().title(), c.status(), category.name(), category.nameZh(),
        c.level(), unit, c.probe().streetCode(), c.probe().createdAt(), c.closedAt(), s.score(), s.reasons());
  }

  private static DuplicateView.Link view(DuplicateRepository.Link l) {
    return new DuplicateView.Link(l.caseNo(), l.originalCaseNo(), l.actor(), l.note(), l.createdAt());
  }

  static Probe probe(CaseIntakeRequest r, ResolvedLocation location) {
    List<Probe.Subject> subjects = new ArrayList<>();
    for (CaseIntakeRequest.Party p : r.partiesOrEmpty()) {
      subjects.add(new Probe.Subject(PartyKind.ORGANISATION.name().equals(p.kind()), p.name(), p.phone(),
          MatchKeys.creditCodes(p.name()).stream().findFirst().orElse(null)));
    }
    if (!r.anonymous() && r.reporter() != null) {
      subjects.add(new Probe.Subject(false, r.reporter().name(), r.reporter().phone(), null));
    }
    return new Probe(r.title().strip(), r.description().strip(), r.category(), location.street().code(),
        location.community() == null ? null : location.community().code(),
        location.grid() == null ? null : location.grid().code(),
        r.location().address(), subjects, ClockUtil.getCurrentTime().toInstant());
  }

  // ------------------------------------------------------------------------------- keys

  /** A new case: its keys are written in the intake transaction, so a rejected intake leaves none. */
  @EventListener
  public void onCaseReceived(CaseReceived event) {
    CaseRow c = event.row();
    List<Probe.Subject> subjects = new ArrayList<>();
    for (StoredParty p : event.parties()) {
      subjects.add(new Probe.Subject(p.kind() == PartyKind.ORGANISATION, p.name(), p.phone(),
          MatchKeys.creditCodes(p.name()).stream().findFirst().orElse(null)));
    }
    if (!c.reporterAnonymous()) {
      subjects.add(new Probe.Subject(false, c.reporterName(), c.reporterPhone(), null));
    }
    Probe probe = new Probe(c.title(), c.description(), c.category().name(), c.streetCode(), c.communityCode(), c.gridId(),
        c.address(), subjects, c.createdAt());
    repository.insertKeys(c.caseNo(), c.createdAt(), MatchKeys.of(probe));
  }

  /**
   * Keys the cases that have none: those taken in before this version and those the demo
   * generator writes straight into the table. One transaction per case, so two nodes doing it at
   * once lose nothing but a repeat (primary key).
   */
  @Scheduled(initialDelayString = "${huian.duplicates.backfill-delay:PT30S}", fixedDelayString = "PT10M")
  public int backfill() {
    int done = 0;
    List<String> batch;
    Instant closedSince = ClockUtil.getCurrentTime().toInstant().minus(properties.recentlyClosed());
    while (!(batch = repository.withoutKeys(500, closedSince)).isEmpty()) {
      int before = done;
      for (String caseNo : batch) {
        try {
          transaction.executeWithoutResult(s -> repository.probe(caseNo).ifPresent(c ->
              repository.insertKeys(caseNo, c.probe().createdAt(), MatchKeys.of(c.probe()))));
          done++;
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
          log.debug("case {} keyed by another node", caseNo);
        }
      }
      if (done == before) {
        break;
      }
    }
    if (done > 0) {
      log.info("duplicate matching: keyed {} cases that had no keys", done);
    }
    return done;
  }

  // ------------------------------------------------------------------------------- marking

  /**
   * Closes {@code caseNo} as a duplicate of the request's original: checks both cases against
   * the caller's scope, then correlates the message its funnel waits for, in this transaction.
   */
  @Transactional
  public DuplicateView.CaseDuplicates markDuplicate(String caseNo, DuplicateView.MarkDuplicateRequest request, CurrentUser user) {
    CaseRow c = visible(caseNo, user, "caseNo");
    List<FieldError> errors = new ArrayList<>();
    String original = request == null || request.originalCaseNo() == null ? null : request.originalCaseNo().strip();
    String note = request == null || request.note() == null || request.note().isBlank() ? null : request.note().strip();
    if (original == null || original.isEmpty()) {
      errors.add(new FieldError("originalCaseNo", "请填写原案件编号"));
    } else if (original.length() > 32) {
      errors.add(new FieldError("originalCaseNo", "案件编号不超过 32 个字符"));
    } else if (original.equals(caseNo)) {
      errors.add(new FieldError("originalCaseNo", "案件不能标记为自身的重复件"));
    }
    if (note != null && note.length() > 1000) {
      errors.add(new FieldError("note", "说明不超过 1000 字"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    CaseRow target = visible(original, user, "originalCaseNo");
    if (closed(c.status())) {
      throw new ConflictException("caseNo", "案件已" + (c.status() == CaseStatus.DUPLICATE ? "作为重复件关闭" : "办结")
          + "，不能再标记为重复件：" + caseNo);
    }
    if (target.status() == CaseStatus.DUPLICATE) {
      List<String> chain = chain(original);
      if (chain.contains(caseNo)) {
        throw new ConflictException("originalCaseNo", "不能形成循环：案件 " + original + " 已作为本案（" + caseNo
            + "）的重复件关闭");
      }
      throw new ConflictException("originalCaseNo", "案件 " + original + " 本身已作为 " + chain.get(chain.size() - 1)
          + " 的重复件关闭，请标记为该案件的重复件");
    }
    if (c.processInstanceId() == null) {
      throw new ConflictException("caseNo", "案件没有在办流程，不能标记为重复件：" + caseNo);
    }
    try {
      runtimeService.createMessageCorrelation(DuplicateMarking.MESSAGE)
          .processInstanceId(c.processInstanceId())
          .setVariable(DuplicateMarking.ORIGINAL_CASE_NO.name(), original)
          .setVariable(DuplicateMarking.ACTOR.name(), user.id())
          .setVariable(DuplicateMarking.NOTE.name(), note)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("caseNo", "案件流程已结束，不能再标记为重复件：" + caseNo);
    }
    log.info("case {} closed as a duplicate of {} by {}", caseNo, original, user.id());
    return forCase(caseNo, user);
  }

  /** The originals a duplicate points to, nearest first (a chain ends at a case that is not a duplicate). */
  private List<String> chain(String caseNo) {
    List<String> chain = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Optional<DuplicateRepository.Link> link = repository.duplicateOf(caseNo);
    while (link.isPresent() && seen.add(link.get().originalCaseNo())) {
      chain.add(link.get().originalCaseNo());
      link = repository.duplicateOf(link.get().originalCaseNo());
    }
    return chain;
  }

  static boolean closed(CaseStatus s) {
    return s == CaseStatus.CLOSED || s == CaseStatus.RESOLVED_FULFILLED || s == CaseStatus.DUPLICATE;
  }

  /** The case if the caller may see it; 404 otherwise, so another unit learns nothing of it. */
  private CaseRow visible(String caseNo, CurrentUser user, String field) {
    Optional<CaseRow> c = caseNo == null || caseNo.length() > 32 ? Optional.empty() : cases.find(caseNo);
    if (c.isEmpty() || !user.scope().canSee(c.get())) {
      throw new NotFoundException(("originalCaseNo".equals(field) ? "原案件" : "案件") + "不存在或不在本单位可见范围内：" + caseNo);
    }
    return c.get();
  }
}
