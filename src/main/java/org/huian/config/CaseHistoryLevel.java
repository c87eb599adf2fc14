package org.huian.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.bpmn.behavior.ExclusiveGatewayActivityBehavior;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * History level {@value #NAME}: Camunda's {@code full} history, except the variable-change log
 * ({@code ACT_HI_DETAIL}) of the processes listed in {@code huian.history.without-variable-details}
 * (by default the two processes every case runs through, {@code case-funnel} and {@code case-handling}),
 * and without a historic copy of those processes' decision results ({@link #DECISION_RESULTS}) and of the
 * variables they derive from Huian's own tables ({@link #DERIVED}), and without the activity history of
 * their exclusive gateways.
 *
 * <p>At intake a case writes about 60 variables; with {@code full} each one also wrote a detail row
 * (64 of the about 250 rows a case inserted). Everything else stays as in {@code full}: the current
 * value of every other variable ({@code ACT_HI_VARINST}), activities, tasks, decisions with their inputs
 * and outputs, incidents, job logs and the user operation log. A case's business history is the
 * timeline in Huian's {@code case_events}. The measured effect is in {@code docs/performance.md}.
 *
 * <p>The level keeps {@code full}'s id (3), so a database created with {@code full} starts with this
 * level and the other way round, and a cluster may roll it out node by node: Camunda compares only
 * the id stored in {@code ACT_GE_PROPERTY}.
 */
@Component
class CaseHistoryLevel extends AbstractProcessEnginePlugin {

  static final String NAME = "huian-full";

  private static final Logger log = LoggerFactory.getLogger(CaseHistoryLevel.class);

  private final Level level;

  CaseHistoryLevel(@Value("${huian.history.without-variable-details:case-funnel,case-handling}") List<String> processKeys) {
    this.level = new Level(Set.copyOf(processKeys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList()));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> custom = configuration.getCustomHistoryLevels();
    if (custom == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>(List.of(level)));
    } else {
      custom.add(level);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryLevel() == level) {
      log.info("history level {}: full, without variable-change details for {}", NAME, level.processKeys);
    }
  }

  /**
   * The result variables of the case processes' business rule tasks: each is read once by the next
   * delegate and removed, and the decision history ({@code ACT_HI_DEC_OUT}) and {@code case_decisions}
   * already hold its value, so a historic copy of it would only repeat them.
   */
  static final Set<String> DECISION_RESULTS = Set.of("routing", "deadlineDuration", "functionalArea");

  /**
   * Variables the case processes derive from Huian's own tables for their forms, gateways and
   * timers: the unit, level and complexity with their Chinese names (in {@code cases},
   * {@code escalations} and the unit tree), the deadline and its warning ({@code cases.deadline}),
   * the masked contact, the candidate groups and the referral choices. Their current values live in
   * the runtime tables while the case runs; the case's history of them is the timeline
   * ({@code case_events}) and the case row, so a historic copy repeats them. What a person entered
   * (the forms' answers) and what names the case ({@code caseNo}, {@code title}) keep their history.
   */
  static final Set<String> DERIVED = Set.of("level", "levelName", "unitCode", "unitName", "complexity", "complexityName",
      "deadlineAt", "warnAt", "deadlineText", "slaName", "categoryName", "reporterContact", "reporterAnonymous",
      "reopenCount", "handlerGroup", "supervisorGroup", "referOptions");

  /**
   * {@code full} minus {@code VARIABLE_INSTANCE_UPDATE_DETAIL} events of the listed process
   * definitions, and minus the history of their {@link #DECISION_RESULTS} and {@link #DERIVED} variables.
   */
  static final class Level extends HistoryLevelFull {

    private final Set<String> processKeys;

    Level(Set<String> processKeys) {
      this.processKeys = processKeys;
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (entity instanceof VariableInstanceEntity variable
          && (DECISION_RESULTS.contains(variable.getName()) || DERIVED.contains(variable.getName()))
          && variable.getExecution() != null && variable.getExecution().getProcessDefinition() != null
          && processKeys.contains(variable.getExecution().getProcessDefinition().getKey())) {
        return false;
      }
      if ((eventType == HistoryEventTypes.ACTIVITY_INSTANCE_START || eventType == HistoryEventTypes.ACTIVITY_INSTANCE_END)
          && entity instanceof ExecutionEntity execution && execution.getActivity() != null
          && execution.getActivity().getActivityBehavior() instanceof ExclusiveGatewayActivityBehavior
          && execution.getProcessDefinition() != null && processKeys.contains(execution.getProcessDefinition().getKey())) {
        return false; // where a gateway led is the next activity's history; a join or a choice adds nothing
      }
      if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL && entity instanceof HistoryEvent event) {
        return !processKeys.contains(event.getProcessDefinitionKey());
      }
      return true;
    }
  }
}
