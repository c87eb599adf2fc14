package org.huian.dialogue;

/** Where a task of the task list stands. */
public enum TaskStatus {
  IN_PROGRESS("落实中"),
  COORDINATION("专题协调中"),
  DONE("已完成"),
  CARRIED_OVER("结转下年");

  private final String nameZh;

  TaskStatus(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
