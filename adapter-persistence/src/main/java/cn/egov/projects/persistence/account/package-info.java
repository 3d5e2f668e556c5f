/** How accounts are stored: {@code account} rows and the projects assigned to each ({@code account_project}). */
package cn.egov.projects.persistence.account;
