package org.huian.security;

import java.util.List;

/**
 * The authenticated caller of {@code /api}, with the Camunda groups they belong to and the tenants
 * (districts) those make them a member of, which engine calls made for them must carry.
 */
public record CurrentUser(String id, List<String> groups, Scope scope, List<String> tenants) {

  public CurrentUser(String id, List<String> groups, Scope scope) {
    this(id, groups, scope, List.of());
  }
}
