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
 * webapp session. A failure is answered with a 401 problem+json.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  public static final String CURRENT_USER = "huian.currentUser";
  /** Deployed models: versions, XML and rollback, for administrators and process designers. */
  static final String DEFINITIONS = "/api/admin/definitions";

  private final IdentityService identityService;
  private final ScopeResolver scopes;
  private final ObjectMapper json;

  public ApiAuthenticationFilter(IdentityService identityService, ScopeResolver scopes, ObjectMapper json) {
    this.identityService = identityService;
    this.scopes = scopes;
    this.json = json;
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
    if (header != null) {
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
   * The one write a Tasklist plugin makes with the webapp session: closing a case as a duplicate
   * (docs/duplicates.md). It must carry the session's CSRF token in {@code X-XSRF-TOKEN}, exactly
   * as Camunda's own webapp API requires of Tasklist, so a cross-site request still changes nothing.
   */
  private static boolean webappWrite(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod()) || !WEBAPP_WRITES.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()) {
      return false;
    }
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CSRF_TOKEN_SESSION_ATTRIBUTE);
    String sent = request.getHeader(CSRF_TOKEN_HEADER);
    return token instanceof String t && sent != null
        && java.security.MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  /** Paths a webapp session may POST to with its CSRF token. */
  static final java.util.regex.Pattern WEBAPP_WRITES = java.util.regex.Pattern.compile("^/api/cases/[^/]+/duplicate-of$");
  /** Camunda's names (CsrfConstants): the session attribute holding the token and the header carrying it. */
  static final String CSRF_TOKEN_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_TOKEN_HEADER = "X-XSRF-TOKEN";

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
