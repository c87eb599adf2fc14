package org.huian.resident;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code huian.resident.*}: the abuse limits of the resident's page (docs/field-and-residents.md).
 * Each limit is a token bucket: {@code n} requests, refilled whole every {@code period}.
 *
 * @param reportsPerIp reports one address may file per {@link #reportPeriod} (validation
 *     failures and honeypot hits count too)
 * @param reportsPerPhone reports one phone number may file per {@link #reportPeriod}; each sends an SMS
 * @param reportPeriod the window of both report limits
 * @param readsPerIp tracking look-ups, photo-location checks and unit-list reads one address may make per minute
 * @param maxTrackedAddresses how many addresses and numbers the in-memory buckets remember
 *     (the least recently seen are forgotten first)
 */
@ConfigurationProperties("huian.resident")
public record ResidentProperties(Integer reportsPerIp, Integer reportsPerPhone, Duration reportPeriod, Integer readsPerIp,
    Integer maxTrackedAddresses) {

  public ResidentProperties {
    reportsPerIp = reportsPerIp == null ? 10 : reportsPerIp;
    reportsPerPhone = reportsPerPhone == null ? 3 : reportsPerPhone;
    reportPeriod = reportPeriod == null ? Duration.ofHours(1) : reportPeriod;
    readsPerIp = readsPerIp == null ? 60 : readsPerIp;
    maxTrackedAddresses = maxTrackedAddresses == null ? 100_000 : maxTrackedAddresses;
    if (reportsPerIp < 1 || reportsPerPhone < 1 || readsPerIp < 1 || maxTrackedAddresses < 1
        || reportPeriod.isNegative() || reportPeriod.isZero()) {
      throw new IllegalArgumentException("huian.resident limits must be positive");
    }
  }
}
