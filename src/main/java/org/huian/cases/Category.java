package org.huian.cases;

/** The case catalogue. The Chinese names are what caseworkers and reporters read. */
public enum Category {
  NEIGHBOUR("邻里纠纷"),
  FAMILY("婚姻家庭纠纷"),
  PROPERTY_MANAGEMENT("物业服务纠纷"),
  WAGE_ARREARS("欠薪纠纷"),
  LABOUR("劳动争议"),
  CONSUMER("消费纠纷"),
  HOUSING("房屋土地纠纷"),
  CONSTRUCTION("工程建设纠纷"),
  MEDICAL("医疗纠纷"),
  TRAFFIC("交通事故纠纷"),
  PETITION("信访事项"),
  SAFETY_HAZARD("安全隐患"),
  OTHER("其他");

  private final String nameZh;

  Category(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }
}
