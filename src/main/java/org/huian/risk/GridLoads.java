package org.huian.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;

/**
 * The weighted risk load of every factor in every one of the 1,971 grids. An item located only
 * at a community or street (a case taken in without a grid) is spread evenly over that unit's
 * grids, so a unit's load is always the mean of its grids' loads: normalisation per grid, which
 * keeps a street with many grids comparable to one with few.
 */
public final class GridLoads {

  /** Grid codes in a fixed order, and which grids make up each community and street. */
  public static final class Layout {
    final List<String> grids = new ArrayList<>();
    final Map<String, Integer> index = new HashMap<>();
    final Map<String, int[]> gridsOf = new HashMap<>();

    public Layout(Geography geography) {
      for (Unit g : geography.all(Level.GRID)) {
        index.put(g.code(), grids.size());
        grids.add(g.code());
      }
      Map<String, List<Integer>> members = new HashMap<>();
      for (Unit g : geography.all(Level.GRID)) {
        for (Unit u : geography.lineage(g)) {
          members.computeIfAbsent(u.code(), k -> new ArrayList<>()).add(index.get(g.code()));
        }
      }
      members.forEach((code, list) -> gridsOf.put(code, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    public int size() {
      return grids.size();
    }

    /** The grids of a unit (a grid is its own only grid); empty for an unknown code. */
    public int[] gridsOf(String unitCode) {
      return gridsOf.getOrDefault(unitCode, new int[0]);
    }
  }

  private final Layout layout;
  private final double[][] load;

  public GridLoads(Layout layout) {
    this.layout = layout;
    this.load = new double[layout.size()][RiskFactor.values().length];
  }

  /** Adds {@code amount} of a factor at the most precise location known. */
  public void add(String streetCode, String communityCode, String gridId, RiskFactor factor, double amount) {
    Integer g = gridId == null ? null : layout.index.get(gridId);
    if (g != null) {
      load[g][factor.ordinal()] += amount;
      return;
    }
    int[] grids = layout.gridsOf(communityCode != null && layout.gridsOf.containsKey(communityCode) ? communityCode : streetCode);
    for (int i : grids) {
      load[i][factor.ordinal()] += amount / grids.length;
    }
  }

  public void addToGrid(int gridIndex, RiskFactor factor, double amount) {
    load[gridIndex][factor.ordinal()] += amount;
  }

  public Integer gridIndex(String gridId) {
    return layout.index.get(gridId);
  }

  /** The mean load per factor over the grids of a unit. */
  public double[] meanOf(String unitCode) {
    int[] grids = layout.gridsOf(unitCode);
    double[] mean = new double[RiskFactor.values().length];
    for (int g : grids) {
      for (int f = 0; f < mean.length; f++) {
        mean[f] += load[g][f];
      }
    }
    for (int f = 0; f < mean.length; f++) {
      mean[f] = grids.length == 0 ? 0 : mean[f] / grids.length;
    }
    return mean;
  }
}
