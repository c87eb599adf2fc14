package org.huian.geography;

/**
 * An organisational unit of the funnel: the district centre, a street centre, a community office
 * or a micro-grid. Its code doubles as the id of its Camunda group.
 */
public record Unit(String code, String name, Level level, String parentCode) {}
