package org.huian.risk;

/** Where a report came from: the grid workers' app or another system feeding the batch endpoint. */
public enum ReportSource {
  GRID_APP("网格员上报"),
  HOTLINE_12345("12345 热线"),
  POLICE_NON_EMERGENCY("110 非警务警情"),
  PETITION("信访系统"),
  OTHER("其他系统");

  private final String nameZh;

  ReportSource(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
