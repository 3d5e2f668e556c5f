/** The second factor's secrets, the security settings, and the keyed MACs under one-time codes. */
package cn.egov.projects.persistence.security;
