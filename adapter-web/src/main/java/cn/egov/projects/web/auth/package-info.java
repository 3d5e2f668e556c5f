/**
 * Who is calling: HTTP Basic authentication against the account use case, with a short-lived cache of successful
 * verifications (the password hash is deliberately slow), and the {@code Caller} handed to every use case.
 */
package cn.egov.projects.web.auth;
