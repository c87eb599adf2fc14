package org.huian.duplicates;

import org.huian.process.ProcessVariable;

/**
 * The message that closes a case as a duplicate, caught by the interrupting event subprocess
 * {@code SubProcess_MarkedDuplicate} of case-funnel.bpmn (elements in {@link org.huian.cases.CaseFunnel.Elements}),
 * and the variables it carries.
 */
final class DuplicateMarking {

  static final String MESSAGE = org.huian.cases.CaseFunnel.Elements.MESSAGE_MARKED_DUPLICATE;
  static final ProcessVariable<String> ORIGINAL_CASE_NO = ProcessVariable.of("duplicateOfCaseNo", String.class);
  static final ProcessVariable<String> ACTOR = ProcessVariable.of("duplicateMarkedBy", String.class);
  static final ProcessVariable<String> NOTE = ProcessVariable.of("duplicateNote", String.class);

  private DuplicateMarking() {}
}
