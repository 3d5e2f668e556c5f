/**
 * The HTTP plumbing every route shares: request ids (also in the log's MDC), security headers, exact JSON body
 * parsing, JSON replies, the bridge to blocking use cases, and the one failure handler that maps errors to answers.
 */
package cn.egov.projects.web.http;
