package org.huian.dialogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.huian.geography.Geography;
import org.huian.problem.ConflictException;
import org.huian.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly cycle (年度循环): opened by the year's first meeting, one per district, it carries the
 * four lists from implementation through review and assessment to closing.
 */
@Service
public class CycleService {

  /** A cycle as the API shows it. */
  public record CycleView(String cycleNo, String districtCode, int year, String status, String statusName, int quarter,
      String reviewSummary) {}

  private final CycleRepository cycles;
  private final Geography geography;
  private final RuntimeService runtime;

  CycleService(CycleRepository cycles, Geography geography, RuntimeService runtime) {
    this.cycles = cycles;
    this.geography = geography;
    this.runtime = runtime;
  }

  /** The cycle of the year, started on the first meeting; a cycle past its implementation takes no more. */
  CycleRepository.Cycle openCycle(String districtCode, int year) {
    Optional<CycleRepository.Cycle> existing = cycles.cycleOfYear(districtCode, year);
    if (existing.isPresent()) {
      if (existing.get().status() != CycleStatus.IMPLEMENTATION) {
        throw new ConflictException("date", year + " 年度循环已进入" + existing.get().status().nameZh() + "阶段，不再登记恳谈");
      }
      return existing.get();
    }
    // one cycle a year per district: PAKT-<year>-<first six digits of the district's code>
    String cycleNo = "PAKT-" + year + "-" + districtCode.substring(0, 6);
    cycles.insertCycle(cycleNo, districtCode, year, DialogueClock.quarterOf(DialogueClock.today()));
    ProcessInstance pi = runtime.startProcessInstanceByKey(DialogueCycle.KEY, cycleNo,
        Map.of(DialogueCycle.Variables.CYCLE_NO.name(), cycleNo, "districtCode", districtCode,
            "title", year + " 年度平安恳谈 " + cycleNo));
    cycles.setCycleProcess(cycleNo, pi.getId());
    return cycles.cycle(cycleNo).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<CycleView> cycles(CurrentUser user) {
    return cycles.cycles().stream().filter(c -> c.districtCode() == null || user.scope().coversDistrict(c.districtCode())
        || user.scope().units().stream().anyMatch(u -> geography.find(u).map(x -> x.districtCode().equals(c.districtCode())).orElse(false)))
        .map(c -> new CycleView(c.cycleNo(), c.districtCode(), c.year(), c.status().name(), c.status().nameZh(), c.quarter(),
            c.reviewSummary()))
        .toList();
  }
}
