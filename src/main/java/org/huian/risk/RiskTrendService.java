package org.huian.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huian.geography.Level;
import org.springframework.stereotype.Service;

/**
 * Weekly index series of the streets and communities, their four-week forecasts and the
 * warnings of sharp rises in risk (the index falling fast or turning red ahead).
 */
@Service
public class RiskTrendService {

  public static final int HORIZON = 4;

  public enum Warning {
    SHARP_DROP("指数预计四周内明显下降"),
    TURNING_RED("指数预计降入红色区间");

    private final String nameZh;

    Warning(String nameZh) {
      this.nameZh = nameZh;
    }

    public String nameZh() {
      return nameZh;
    }
  }

  public record Trend(String unitCode, String name, Level level, List<Instant> weeks, List<Double> history,
      List<Double> forecast, List<Warning> warnings) {}

  private final RiskIndexService index;

  RiskTrendService(RiskIndexService index) {
    this.index = index;
  }

  /** The index of every unit at each of the last {@code weeks} week ends (the last is now). */
  public List<RiskIndexService.Snapshot> weekly(int weeks) {
    List<RiskIndexService.Snapshot> out = new ArrayList<>();
    for (Instant end : index.weekEnds(weeks)) {
      out.add(index.snapshot(index.filter(end)));
    }
    return out;
  }

  public List<Trend> trends(Level level, List<RiskIndexService.Snapshot> weekly) {
    List<Trend> out = new ArrayList<>();
    for (UnitIndex u : weekly.get(weekly.size() - 1).level(level)) {
      out.add(trend(u.unitCode(), weekly));
    }
    return out;
  }

  public Trend trend(String unitCode, List<RiskIndexService.Snapshot> weekly) {
    RiskProperties.Forecast p = index.properties().forecast();
    List<Double> history = series(unitCode, weekly);
    List<Double> forecast = Forecast.holt(history, HORIZON, p.alpha(), p.beta(), p.phi());
    UnitIndex current = weekly.get(weekly.size() - 1).unit(unitCode);
    List<Warning> warnings = new ArrayList<>();
    double last = history.get(history.size() - 1);
    double lowest = forecast.stream().mapToDouble(Double::doubleValue).min().orElse(last);
    // a sharp rise in risk: four weeks ahead, the index is forecast that much below where it stood four weeks ago
    double monthAgo = history.get(Math.max(0, history.size() - 1 - HORIZON));
    if (monthAgo - lowest >= p.sharpDrop()) {
      warnings.add(Warning.SHARP_DROP);
    }
    if (current.colour() != UnitIndex.Colour.RED && lowest < 60) {
      warnings.add(Warning.TURNING_RED);
    }
    return new Trend(unitCode, current.name(), current.level(), weekly.stream().map(RiskIndexService.Snapshot::at).toList(),
        history, forecast.stream().map(RiskIndexService::round).toList(), List.copyOf(warnings));
  }

  /** Backtest of the forecast over every street's and community's series, beside seasonal naive. */
  public Forecast.Backtest backtest(List<RiskIndexService.Snapshot> weekly) {
    RiskProperties.Forecast p = index.properties().forecast();
    List<List<Double>> all = new ArrayList<>();
    for (UnitIndex u : weekly.get(weekly.size() - 1).units().values()) {
      if (u.level() == Level.STREET || u.level() == Level.COMMUNITY) {
        all.add(series(u.unitCode(), weekly));
      }
    }
    return Forecast.backtest(all, HORIZON, 8, p.alpha(), p.beta(), p.phi());
  }

  static List<Double> series(String unitCode, List<RiskIndexService.Snapshot> weekly) {
    return weekly.stream().map(s -> s.unit(unitCode).score()).toList();
  }
}
