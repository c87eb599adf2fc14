package org.huian.cases;

import java.time.Instant;

/** A timeline entry of a case. */
public record CaseEvent(
    EventType type, Instant time, String level, String unitCode, String actor, String note) {}
