package org.huian.security;

import java.util.List;

/** The authenticated caller of {@code /api}, with the Camunda groups they belong to. */
public record CurrentUser(String id, List<String> groups, Scope scope) {}
