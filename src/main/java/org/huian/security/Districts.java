package org.huian.security;

import java.util.List;
import java.util.Optional;
import org.huian.problem.ForbiddenException;
import org.huian.problem.NotFoundException;
import org.huian.geography.Geography;
import org.huian.geography.Level;
import org.huian.geography.Unit;
import org.springframework.stereotype.Component;

/** Which districts a caller may see, and which one a request means when it names none. */
@Component
public class Districts {

  private final Geography geography;

  Districts(Geography geography) {
    this.geography = geography;
  }

  /** The districts any of whose units the caller sees (all of them for administrators and the city). */
  public List<Unit> visible(CurrentUser user) {
    Scope scope = user.scope();
    return geography.districts().stream().filter(d -> scope.all() || scope.districts().contains(d.code())
        || scope.units().stream().anyMatch(u -> geography.districtOf(u).map(x -> x.code().equals(d.code())).orElse(false)))
        .toList();
  }

  /**
   * The district a request is about: the one it names (404 if unknown, 403 if not the caller's),
   * or the caller's own (the first visible one for administrators and the city).
   */
  public Unit resolve(CurrentUser user, String districtCode) {
    List<Unit> visible = visible(user);
    if (districtCode != null && !districtCode.isBlank()) {
      Optional<Unit> named = geography.findActive(districtCode, Level.DISTRICT);
      if (named.isEmpty()) {
        throw new NotFoundException("区未登记：" + (districtCode.length() > 20 ? districtCode.substring(0, 20) : districtCode));
      }
      if (visible.stream().noneMatch(d -> d.code().equals(districtCode))) {
        throw new ForbiddenException("无权查看其他区的数据：" + named.get().name());
      }
      return named.get();
    }
    if (visible.isEmpty()) {
      throw new ForbiddenException("当前用户不属于任何区的单位");
    }
    return visible.get(0);
  }
}
