/**
 * The ground floor of errors: the exceptions every capability raises for a client's mistake
 * (invalid fields, not found, forbidden, conflict, and other refused statuses) and the field
 * error they carry. It imports no capability; {@code config.ApiProblemHandler} turns them into
 * RFC 7807 problem+json.
 */
package org.huian.problem;
