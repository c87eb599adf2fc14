package org.huian.resident;

/**
 * The JSON part {@code report} of {@code POST /api/public/reports}: what the resident's page at
 * {@code /report} sends. Intake needs a title: when none is given, the first words of the
 * description become it. Enum-like fields stay strings so that a bad value is a field error.
 *
 * @param streetCode the street (or town) picked; required
 * @param communityCode the community (or village) picked; optional, must lie in the street
 * @param lat latitude (WGS-84), from the map or, when the resident allowed it, a photo; with {@code lon}
 * @param name the reporter's name; required unless {@code anonymous}
 * @param phone optional mobile number: the tracking link is sent there by SMS
 * @param anonymous 匿名反映: neither name nor phone is kept, no SMS is sent
 * @param website the honeypot: hidden on the page, left empty by people; a filled one is refused
 */
public record ResidentReport(
    String category,
    String title,
    String description,
    String streetCode,
    String communityCode,
    String address,
    Double lat,
    Double lon,
    String name,
    String phone,
    Boolean anonymous,
    String website) {

  boolean isAnonymous() {
    return Boolean.TRUE.equals(anonymous);
  }
}
