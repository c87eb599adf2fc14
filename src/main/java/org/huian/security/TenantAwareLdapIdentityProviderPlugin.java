package org.huian.security;

import static org.camunda.bpm.engine.authorization.Resources.TENANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.TenantQueryProperty;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TenantEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;

/**
 * Camunda's LDAP identity provider with tenant queries answered from the user's directory groups.
 *
 * <p>The upstream session (camunda-identity-ldap 7.23.0) answers every tenant query with nothing:
 * {@code LdapTenantQuery} counts 0 and lists nothing, {@code findTenantById} returns {@code null}.
 * Camunda's REST filter and the webapps' login take a user's tenants from exactly that query
 * ({@code createTenantQuery().userMember(u).includingGroupsOfUser(true)}), so with the plugin as it
 * comes a directory user would belong to no tenant, and once instances carry a tenant id that user
 * would see none of them. Here a user's tenants are those of their directory groups, given by
 * {@link GroupTenants}; users, groups and passwords stay exactly the plugin's.
 *
 * <p>Semantics follow Camunda's database provider, where users belong to tenants only through
 * groups in Huian: {@code userMember(u)} without {@code includingGroupsOfUser(true)} finds
 * nothing; {@code groupMember(g)} finds the tenants of {@code g}; with neither, the tenants are
 * those of all directory groups. Results are filtered by READ on the tenant (as the database
 * provider does), except a user's own tenants (the database provider grants a member READ when the
 * membership is created). While membership is resolved, the directory reads are not filtered by
 * the caller's READ on users and groups, as the database provider's SQL joins are not.
 */
public class TenantAwareLdapIdentityProviderPlugin extends LdapIdentityProviderPlugin {

  private final GroupTenants groupTenants;
  private final Function<String, Optional<String>> tenantNames;

  /**
   * @param groupTenants which tenants a user's groups belong to
   * @param tenantNames the display name of a tenant id (the district unit's name)
   */
  public TenantAwareLdapIdentityProviderPlugin(GroupTenants groupTenants, Function<String, Optional<String>> tenantNames) {
    this.groupTenants = groupTenants;
    this.tenantNames = tenantNames;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (serverUrl == null || serverUrl.isBlank()) {
      throw new IllegalStateException("profile ldap: huian.ldap.server-url is not set (e.g. ldap://ldap.example:389)");
    }
    super.preInit(configuration); // logs, trusts certificates if asked, installs the plugin's factory
    SessionFactory factory = new SessionFactory(groupTenants, tenantNames);
    factory.setLdapConfiguration(this);
    configuration.setIdentityProviderSessionFactory(factory);
  }

  /** Opens a {@link Session} per command, like the plugin's own factory. */
  static class SessionFactory extends LdapIdentityProviderFactory {

    private final GroupTenants groupTenants;
    private final Function<String, Optional<String>> tenantNames;

    SessionFactory(GroupTenants groupTenants, Function<String, Optional<String>> tenantNames) {
      this.groupTenants = groupTenants;
      this.tenantNames = tenantNames;
    }

    @Override
    public org.camunda.bpm.engine.impl.interceptor.Session openSession() {
      return new Session(ldapConfiguration, groupTenants, tenantNames);
    }
  }

  /** The plugin's session; only the tenant methods differ. */
  static class Session extends LdapIdentityProviderSession {

    private final GroupTenants groupTenants;
    private final Function<String, Optional<String>> tenantNames;
    /** Set while this session reads memberships for a tenant query (one command, one thread). */
    private boolean resolvingMemberships;

    Session(LdapConfiguration configuration, GroupTenants groupTenants, Function<String, Optional<String>> tenantNames) {
      super(configuration);
      this.groupTenants = groupTenants;
      this.tenantNames = tenantNames;
    }

    @Override
    public TenantQuery createTenantQuery() {
      return new DirectoryTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
      return new DirectoryTenantQuery();
    }

    @Override
    public Tenant findTenantById(String id) {
      if (id == null) {
        return null;
      }
      List<Tenant> found = findTenants((DirectoryTenantQuery) new DirectoryTenantQuery().tenantId(id), null);
      return found.isEmpty() ? null : found.get(0);
    }

    long countTenants(DirectoryTenantQuery query) {
      return findTenants(query, null).size();
    }

    List<Tenant> findTenants(DirectoryTenantQuery query, Page page) {
      Set<String> ids = candidates(query);
      if (query.getId() != null) {
        ids.retainAll(Set.of(query.getId()));
      }
      if (query.getIds() != null) {
        ids.retainAll(Arrays.asList(query.getIds()));
      }
      Pattern nameLike = query.getNameLike() == null ? null : like(query.getNameLike());
      Set<String> own = ownTenants();
      List<Tenant> tenants = new ArrayList<>();
      for (String id : ids) {
        TenantEntity tenant = new TenantEntity(id);
        tenant.setName(tenantNames.apply(id).orElse(id));
        if (query.getName() != null && !query.getName().equals(tenant.getName())) {
          continue;
        }
        if (nameLike != null && !nameLike.matcher(tenant.getName()).matches()) {
          continue;
        }
        if (!own.contains(id) && !isAuthorizedToRead(TENANT, id)) {
          continue;
        }
        tenants.add(tenant);
      }
      tenants.sort(order(query));
      if (page == null) {
        return tenants;
      }
      int from = Math.min(page.getFirstResult(), tenants.size());
      int to = (int) Math.min((long) from + page.getMaxResults(), tenants.size());
      return new ArrayList<>(tenants.subList(from, to));
    }

    /** The tenant ids the query's member restrictions allow, before filters by id and name. */
    private Set<String> candidates(DirectoryTenantQuery query) {
      Set<String> ids = null;
      if (query.getUserId() != null) {
        ids = query.isIncludingGroups() ? new TreeSet<>(groupTenants.tenantsOf(groupsOfUser(query.getUserId()))) : new TreeSet<>();
      }
      if (query.getGroupId() != null) {
        Set<String> ofGroup = groupTenants.tenantsOf(List.of(query.getGroupId()));
        if (ids == null) {
          ids = new TreeSet<>(ofGroup);
        } else {
          ids.retainAll(ofGroup);
        }
      }
      return ids != null ? ids : new TreeSet<>(groupTenants.tenantsOf(allGroups()));
    }

    private List<String> groupsOfUser(String userId) {
      resolvingMemberships = true;
      try {
        // a group query for an unknown user would search for "(member=)"; answer it here
        if (createUserQuery(Context.getCommandContext()).userId(userId).singleResult() == null) {
          return List.of();
        }
        LdapGroupQuery query = (LdapGroupQuery) createGroupQuery(Context.getCommandContext()).groupMember(userId);
        return ids(findGroupByQueryCriteria(query));
      } finally {
        resolvingMemberships = false;
      }
    }

    private List<String> allGroups() {
      resolvingMemberships = true;
      try {
        return ids(findGroupByQueryCriteria(new LdapGroupQuery()));
      } finally {
        resolvingMemberships = false;
      }
    }

    private static List<String> ids(Collection<Group> groups) {
      return groups.stream().map(Group::getId).toList();
    }

    private static Set<String> ownTenants() {
      CommandContext context = Context.getCommandContext();
      Authentication authentication = context == null ? null : context.getAuthentication();
      return authentication == null || authentication.getTenantIds() == null
          ? Set.of() : new HashSet<>(authentication.getTenantIds());
    }

    @Override
    protected boolean isAuthorizedToReadGroup(String groupId) {
      return resolvingMemberships || super.isAuthorizedToReadGroup(groupId);
    }

    @Override
    protected boolean isAuthenticatedAndAuthorized(String userId) {
      return resolvingMemberships || super.isAuthenticatedAndAuthorized(userId);
    }

    private static Comparator<Tenant> order(DirectoryTenantQuery query) {
      Comparator<Tenant> order = null;
      for (QueryOrderingProperty property : query.getOrderingProperties()) {
        Comparator<Tenant> next = TenantQueryProperty.NAME.equals(property.getQueryProperty())
            ? Comparator.comparing(Tenant::getName, Comparator.nullsFirst(Comparator.naturalOrder()))
            : Comparator.comparing(Tenant::getId);
        if (Direction.DESCENDING.equals(property.getDirection())) {
          next = next.reversed();
        }
        order = order == null ? next : order.thenComparing(next);
      }
      return order == null ? Comparator.comparing(Tenant::getId) : order;
    }

    /** A SQL LIKE pattern ({@code %} any run, {@code _} one character) as a regular expression. */
    static Pattern like(String pattern) {
      StringBuilder regex = new StringBuilder();
      StringBuilder literal = new StringBuilder();
      for (char c : pattern.toCharArray()) {
        if (c == '%' || c == '_') {
          regex.append(Pattern.quote(literal.toString())).append(c == '%' ? ".*" : ".");
          literal.setLength(0);
        } else {
          literal.append(c);
        }
      }
      return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString(), Pattern.DOTALL);
    }
  }

  /** A tenant query answered by the command's {@link Session}. */
  static class DirectoryTenantQuery extends TenantQueryImpl {

    private static final long serialVersionUID = 1L;

    DirectoryTenantQuery() {
    }

    DirectoryTenantQuery(CommandExecutor commandExecutor) {
      super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return session(commandContext).countTenants(this);
    }

    @Override
    public List<Tenant> executeList(CommandContext commandContext, Page page) {
      return session(commandContext).findTenants(this, page);
    }

    private static Session session(CommandContext commandContext) {
      return (Session) commandContext.getReadOnlyIdentityProvider();
    }
  }
}
