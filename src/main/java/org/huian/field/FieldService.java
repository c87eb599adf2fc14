package org.huian.field;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.huian.cases.CaseHandling;
import org.huian.cases.CaseRepository;
import org.huian.cases.CaseRow;
import org.huian.cases.Sla;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.huian.problem.NotFoundException;
import org.huian.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * What the grid workers' app reads: the worker's grids and the grid-level handling tasks (处置案件
 * at level GRID, offered to the grid's group) waiting there, with their deadlines.
 */
@Service
class FieldService {

  private final Geography geography;
  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final CaseRepository cases;

  FieldService(Geography geography, IdentityService identity, TaskService tasks, RuntimeService runtime, CaseRepository cases) {
    this.geography = geography;
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.cases = cases;
  }

  FieldViews.Me me(CurrentUser user) {
    User u = identity.createUserQuery().userId(user.id()).singleResult();
    String name = u == null ? user.id()
        : ((u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName())).strip();
    return new FieldViews.Me(user.id(), name.isEmpty() ? user.id() : name, grids(user).stream().map(this::grid).toList());
  }

  /** The grids a user works: their grid groups, and every grid of a community they belong to. */
  List<Unit> grids(CurrentUser user) {
    Set<String> codes = new LinkedHashSet<>(user.scope().grids());
    for (String community : user.scope().communities()) {
      geography.children(community).stream().filter(g -> g.level() == Level.GRID).map(Unit::code).forEach(codes::add);
    }
    return codes.stream().map(geography::find).flatMap(Optional::stream).filter(g -> !g.retired())
        .sorted(Comparator.comparing(Unit::code)).toList();
  }

  private FieldViews.Grid grid(Unit g) {
    Unit community = geography.parent(g);
    Unit street = community == null ? null : geography.parent(community);
    return new FieldViews.Grid(g.code(), g.name(), community == null ? null : community.code(),
        community == null ? null : community.name(), street == null ? null : street.name());
  }

  FieldViews.Tasks tasks(CurrentUser user) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> grids = grids(user).stream().map(Unit::code).toList();
    if (grids.isEmpty()) {
      return new FieldViews.Tasks(List.of(), now);
    }
    List<Task> open = tasks.createTaskQuery().taskDefinitionKey(CaseHandling.Elements.HANDLE).taskCandidateGroupIn(grids)
        .active().list();
    Map<String, String> caseNoOf = open.isEmpty() ? Map.of()
        : runtime.createProcessInstanceQuery().processInstanceIds(open.stream().map(Task::getProcessInstanceId)
            .collect(Collectors.toSet())).list().stream()
            .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
    List<FieldViews.Task> items = new ArrayList<>();
    for (Task t : open) {
      String caseNo = caseNoOf.get(t.getProcessInstanceId());
      CaseRow c = caseNo == null ? null : cases.find(caseNo).orElse(null);
      if (c == null) {
        continue;
      }
      items.add(view(t, c, now));
    }
    items.sort(Comparator.comparing(FieldViews.Task::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
    return new FieldViews.Tasks(items, now);
  }

  /** One open grid-level handling task the user may work; another unit's or a finished one is 404. */
  Task openTask(String taskId, CurrentUser user) {
    List<String> grids = grids(user).stream().map(Unit::code).toList();
    Task t = grids.isEmpty() ? null : tasks.createTaskQuery().taskId(taskId).taskDefinitionKey(CaseHandling.Elements.HANDLE)
        .taskCandidateGroupIn(grids).active().singleResult();
    if (t == null) {
      throw new NotFoundException("没有该待办任务，或任务已办结：" + (taskId.length() > 40 ? taskId.substring(0, 40) + "…" : taskId));
    }
    return t;
  }

  String caseNoOf(Task t) {
    return runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult().getBusinessKey();
  }

  private FieldViews.Task view(Task t, CaseRow c, Instant now) {
    Instant deadline = c.deadline() != null ? c.deadline() : t.getDueDate() == null ? null : t.getDueDate().toInstant();
    String warning = deadline != null && !now.isBefore(deadline) || c.sla() == Sla.RED ? "OVERDUE"
        : c.sla() == Sla.AMBER ? "NEAR" : "OK";
    String warningName = switch (warning) {
      case "OVERDUE" -> "已超期";
      case "NEAR" -> "临期";
      default -> "正常";
    };
    Unit grid = c.gridId() == null ? null : geography.find(c.gridId()).orElse(null);
    return new FieldViews.Task(t.getId(), c.caseNo(), c.title(), c.category().name(), c.category().nameZh(), c.gridId(),
        grid == null ? null : grid.name(), c.address(), c.description(), deadline, warning, warningName,
        t.getCreateTime() == null ? null : t.getCreateTime().toInstant());
  }
}
