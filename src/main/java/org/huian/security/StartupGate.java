package org.huian.security;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Closed until the unit tree and the identities are in place. While closed, {@code /api} and
 * {@code /engine-rest} answer 503 problem+json (a request that came before the users were seeded
 * would otherwise get a wrong 401); readiness is OUT_OF_SERVICE until the application runners,
 * the identity setup among them, have finished, which Spring Boot's readiness state already says.
 */
@Component
public class StartupGate {

  private final AtomicBoolean open = new AtomicBoolean();

  public boolean isOpen() {
    return open.get();
  }

  void open() {
    open.set(true);
  }
}
