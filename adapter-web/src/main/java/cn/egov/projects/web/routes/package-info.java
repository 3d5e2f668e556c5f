/**
 * The API's routes, one class per concern, each taking only the use-case interfaces it calls: health, the public
 * deadline calculator, accounts, projects and their declaration, and the Bureau's declaration windows.
 */
package cn.egov.projects.web.routes;
