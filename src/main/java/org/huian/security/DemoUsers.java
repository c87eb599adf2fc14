package org.huian.security;

/** Names of the demo users the default profile seeds (password {@code demo}). */
public final class DemoUsers {

  public static final String DISTRICT = "district";
  public static final String ANDINGMEN = "110101004000";
  public static final String STREET_ANDINGMEN = "street-andingmen";
  /** The first community of 安定门 by code (110101004001), and its first grid. */
  public static final String COMMUNITY_USER = "community-110101004001";
  public static final String GRID_USER = "grid-110101004001-01";
  public static final String PASSWORD = "demo";

  private DemoUsers() {}
}
