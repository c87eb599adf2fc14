package org.huian.dialogue;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.huian.geography.Geography;
import org.huian.geography.Unit;
import org.huian.problem.FieldError;
import org.huian.problem.ForbiddenException;
import org.huian.problem.InvalidRequestException;
import org.huian.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * What the list services share: working a cycle's or a task's user task as the calling user (so
 * engine authorizations apply), the committee check, unit names, and the one answer for broken rules.
 */
@Component
class DialogueSupport {

  private final TaskService tasks;
  private final IdentityService identity;
  private final Geography geography;

  DialogueSupport(TaskService tasks, IdentityService identity, Geography geography) {
    this.tasks = tasks;
    this.identity = identity;
    this.geography = geography;
  }

  /** The open user task of a process (by business key: a cycle or task number) at an element, or null. */
  Task userTask(String businessKey, String key) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
  }

  void completeAs(CurrentUser user, Task task, Map<String, Object> variables) {
    identity.setAuthentication(user.id(), user.groups(), user.tenants());
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  TaskService tasks() {
    return tasks;
  }

  String unitName(String code) {
    return geography.find(code).map(Unit::name).orElse(code);
  }

  static void requireCommittee(CurrentUser user, String message) {
    if (!DialogueGroups.isCommittee(user)) {
      throw new ForbiddenException(message + "（区级单位的 -leaders 组）");
    }
  }

  /** A district's committee acts on its own district's cycle only. */
  static void requireOwnDistrict(CurrentUser user, CycleRepository.Cycle cycle) {
    if (cycle.districtCode() != null && !user.scope().coversDistrict(cycle.districtCode())) {
      throw new ForbiddenException("只能处理本区的年度循环：" + cycle.cycleNo());
    }
  }

  /** Refuses the request when a rule is broken; a rule both the record's constraints and a service check name counts once. */
  static void reject(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors.stream().distinct().toList());
    }
  }
}
