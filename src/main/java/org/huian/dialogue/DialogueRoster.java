package org.huian.dialogue;

/** Descriptor of {@code processes/dialogue-roster.bpmn}: the district's admin registers an officer from a Tasklist form. */
public final class DialogueRoster {

  public static final String KEY = "dialogue-roster";
  public static final String RESOURCE = "processes/dialogue-roster.bpmn";

  private DialogueRoster() {}

  public static final class Elements {
    public static final String START = "StartEvent_OfficerSubmitted";
    public static final String SAVE = "Task_SaveOfficer";
    public static final String END = "EndEvent_OfficerSaved";

    private Elements() {}
  }
}
