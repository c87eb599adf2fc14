package org.huian.security;
/** Which tenants (districts) the given Camunda groups belong to; a group of no known unit gives none. */
public interface GroupTenants {
  java.util.Set<String> tenantsOf(java.util.Collection<String> groupIds);
}
