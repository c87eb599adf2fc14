package org.huian.dialogue;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huian.cases.CaseContext;
import org.springframework.stereotype.Component;

/**
 * Registers the officer the roster form submitted (the same rules as the API), then keeps only the
 * officer's number in the process: the roster lives in Huian's table.
 */
@Component
class SaveOfficerDelegate implements JavaDelegate {

  static final String[] FIELDS = {"officerName", "officerOrganisation", "officerRole", "officerContact", "officerStreet"};

  private final RosterService roster;

  SaveOfficerDelegate(RosterService roster) {
    this.roster = roster;
  }

  @Override
  public void execute(DelegateExecution e) {
    RosterService.OfficerRequest r = new RosterService.OfficerRequest(text(e, FIELDS[0]), text(e, FIELDS[1]),
        text(e, FIELDS[2]), text(e, FIELDS[3]), text(e, FIELDS[4]));
    RosterRepository.Officer o = roster.register(r, CaseContext.actor(e));
    for (String f : FIELDS) {
      e.removeVariable(f);
    }
    e.setVariable("officerNo", o.officerNo());
  }

  private static String text(DelegateExecution e, String name) {
    Object v = e.getVariable(name);
    return v == null ? null : v.toString();
  }
}
