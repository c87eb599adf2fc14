package org.huian.security;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.huian.geography.Geography;
import org.huian.geography.Unit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code ldap}: users, groups and passwords come from a directory through Camunda's LDAP
 * identity provider plugin (read-only), with tenants derived from the user's unit groups. The
 * Camunda Spring Boot starter hands every {@link ProcessEnginePlugin} bean to the engine.
 * Properties {@code huian.ldap.*} are in {@code application-ldap.yaml} and docs/ldap.md.
 */
@Configuration
@Profile("ldap")
class LdapIdentityConfig {

  /**
   * The plugin, bound to {@code huian.ldap.*}: each property is a setter of Camunda's
   * {@code LdapConfiguration} ({@code server-url} → {@code setServerUrl}, …).
   */
  @Bean
  @ConfigurationProperties(prefix = "huian.ldap")
  TenantAwareLdapIdentityProviderPlugin ldapIdentityProviderPlugin(GroupTenants groupTenants, Geography geography) {
    return new TenantAwareLdapIdentityProviderPlugin(groupTenants, tenantId -> geography.find(tenantId).map(Unit::name));
  }

  /**
   * Members of this directory group administer Camunda: the engine adds it to its admin groups and
   * grants it ALL on every resource. It replaces {@code camunda.bpm.admin-user}, which would create
   * a user and cannot with a read-only provider. Keep {@code camunda-admin}: Huian's own API gives
   * that group every case ({@link ScopeResolver#CAMUNDA_ADMIN}).
   */
  @Bean
  ProcessEnginePlugin ldapAdministratorAuthorizationPlugin(
      @Value("${huian.ldap.administrator-group-name:camunda-admin}") String groupName,
      @Value("${huian.ldap.administrator-user-name:}") String userName) {
    AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
    plugin.setAdministratorGroupName(groupName);
    plugin.setAdministratorUserName(userName);
    return plugin;
  }
}
