package org.huian.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for {@code /api}, checked against Camunda's identity service, so the same users and
 * passwords work in Tasklist, {@code /engine-rest} and the API; reads may also use the Camunda
 * webapp session, and so may attachment uploads that carry the webapps' CSRF token. The grid
 * workers' app ({@code /m/}) signs in once and then sends a short-lived signed token
 * ({@link FieldTokens}) as {@code Authorization: Bearer}, for reads and writes alike. A failure is
 * answered with a 401 problem+json.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  public static final String CURRENT_USER = "huian.currentUser";
  /** Deployed models: versions, XML and rollback, for administrators and process designers. */
  static final String DEFINITIONS = "/api/admin/definitions";
  /** The resident's page (docs/field-and-residents.md): no login; rate-limited by the resident capability instead. */
  static final String PUBLIC = "/api/public/";

  private final IdentityService identityService;
  private final ScopeResolver scopes;
  private final ObjectMapper json;
  private final FieldTokens tokens;

  public ApiAuthenticationFilter(IdentityService identityService, ScopeResolver scopes, ObjectMapper json, FieldTokens tokens) {
    this.identityService = identityService;
    this.scopes = scopes;
    this.json = json;
    this.tokens = tokens;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // the servlet path is decoded and normalised by the container, so "/api/public/../cases" is "/api/cases"
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.startsWith(PUBLIC);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      authenticate(request, response, chain);
    } catch (RuntimeException e) {
      if (!org.huian.config.DatabaseFailures.unreachable(e) || response.isCommitted()) {
        throw e;
      }
      problem(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
          "数据库暂时不可用，请稍后重试；本次请求未保存");
    }
  }

  private void authenticate(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    String userId = null;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      // a header, never a cookie: a browser does not send it by itself, so writes need no CSRF token
      userId = tokens.verify(header.substring(7).trim(), java.time.Instant.now())
          .filter(id -> identityService.createUserQuery().userId(id).count() == 1)
          .orElse(null);
    } else if (header != null) {
      String[] credentials = decode(header);
      if (credentials != null && identityService.checkPassword(credentials[0], credentials[1])) {
        userId = credentials[0];
      }
    } else if ("GET".equals(request.getMethod()) || webappWrite(request)) {
      userId = webappUser(request);
    }
    if (userId == null) {
      unauthorized(request, response);
      return;
    }
    List<String> groups = scopes.groupsOf(userId);
    boolean write = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    if (write && ScopeResolver.readOnly(groups)) {
      problem(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "市级综治中心用户只能查看，不能办理或修改");
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean definitions = path.startsWith(DEFINITIONS);
    if (definitions && !groups.contains(ScopeResolver.CAMUNDA_ADMIN) && !groups.contains(ScopeResolver.PROCESS_DESIGNERS)) {
      problem(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "只有系统管理员（camunda-admin）或流程设计人员（process-designers）可以使用该接口");
      return;
    }
    if (!definitions && scopes.designerOnly(groups)) {
      problem(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "流程设计人员只能部署和查看流程模型，不能查看或办理案件数据");
      return;
    }
    if (!definitions && path.startsWith("/api/admin/") && !groups.contains(ScopeResolver.CAMUNDA_ADMIN)
        && !(path.startsWith("/api/admin/units") || path.startsWith("/api/admin/staff") ? groups.contains(ScopeResolver.UNIT_ADMIN) : false)) {
      problem(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "只有系统管理员（camunda-admin）或单位与人员管理员（unit-admin）可以使用该接口");
      return;
    }
    request.setAttribute(CURRENT_USER, new CurrentUser(userId, groups, scopes.scopeOf(groups), scopes.tenantsOf(userId)));
    chain.doFilter(request, response);
  }

  /**
   * A user logged in to the Camunda webapps (Cockpit, Tasklist) may read {@code /api} with that
   * session, so the dashboard and the Cockpit plugin need no second login. Only for GET, and for
   * the writes of {@link #webappWrite} with the session's CSRF token: a session cookie alone can
   * never change anything.
   */
  /**
   * The writes the Tasklist plugins make with the webapp session: adding a photo of the step
   * (docs/attachments.md) and closing a case as a duplicate (docs/duplicates.md). Each must carry
   * Camunda's own CSRF token (the {@code XSRF-TOKEN} cookie sent back as {@code X-XSRF-TOKEN}, as
   * the webapps do for every write), so another site cannot post with the session cookie.
   */
  private static boolean webappWrite(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod()) || !WEBAPP_WRITES.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()) {
      return false;
    }
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected != null && sent != null && java.security.MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  /** Paths a webapp session may POST to with its CSRF token. */
  static final java.util.regex.Pattern WEBAPP_WRITES =
      java.util.regex.Pattern.compile("^/api/(cases|grid-reports)/[^/]+/attachments$|^/api/cases/[^/]+/duplicate-of$");

  private static String webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = auths == null ? null : auths.getAuthenticationForProcessEngine("default");
    return user instanceof UserAuthentication u ? u.getName() : null;
  }

  private static String[] decode(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getHeader("X-Requested-With") == null) {
      // no challenge for Huian's own pages, which would otherwise pop up the browser's login box
      response.setHeader("WWW-Authenticate", "Basic realm=\"huian\", charset=\"UTF-8\"");
    }
    problem(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "需要登录：请使用 HTTP Basic 提供用户名和密码");
  }

  private void problem(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    json.writeValue(response.getOutputStream(), body);
  }
}
