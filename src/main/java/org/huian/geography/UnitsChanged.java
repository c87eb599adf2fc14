package org.huian.geography;

import java.util.List;

/**
 * Published after an import changed the unit tree (and the snapshot was replaced), so that the
 * capabilities that follow units, such as their Camunda groups, can catch up.
 */
public record UnitsChanged(List<Unit> created, List<Unit> updated) {}
