/** Accounts and sign-in: password hashing and the account use cases. */
package cn.egov.projects.application.account;
