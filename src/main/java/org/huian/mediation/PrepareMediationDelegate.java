package org.huian.mediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.huian.cases.CaseContext;
import org.huian.cases.CaseRow;
import org.huian.cases.StoredParty;
import org.huian.geography.Level;
import org.huian.security.ProcessInstanceGrants;
import org.huian.security.UnitGroups;
import org.springframework.stereotype.Component;

/**
 * Opens a mediation: the unit's mediation group runs it (a district or street centre's 调解 area,
 * otherwise the community or grid itself), and the forms get the parties to choose from.
 */
@Component
class PrepareMediationDelegate implements JavaDelegate {

  private final CaseContext context;
  private final ObjectMapper json;
  private final ProcessInstanceGrants grants;

  PrepareMediationDelegate(CaseContext context, ObjectMapper json, ProcessInstanceGrants grants) {
    this.context = context;
    this.json = json;
    this.grants = grants;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    CaseRow c = context.caseOf(execution);
    Level level = Level.valueOf(c.level());
    String group = level == Level.STREET || level == Level.DISTRICT ? UnitGroups.areaGroup(c.unitCode(), "mediation") : c.unitCode();
    grants.grantRead(group, List.of(execution.getProcessInstanceId(), c.processInstanceId()));
    MediationProcess.Variables.MEDIATION_GROUP.set(execution, group);
    List<StoredParty> parties = context.cases().parties(c.caseNo());
    List<Map<String, String>> options = parties.stream()
        .map(p -> Map.of("label", p.roleNameZh() + " " + p.name(), "value", String.valueOf(p.id())))
        .toList();
    execution.setVariable("partyOptions", SpinValues.jsonValue(json.writeValueAsString(options)).create());
    MediationProcess.Variables.PARTIES_TEXT.set(execution,
        parties.stream().map(p -> p.roleNameZh() + " " + p.name()).collect(Collectors.joining("；")));
  }
}
