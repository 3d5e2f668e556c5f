/**
 * The web adapter (Vert.x 5): {@link cn.egov.projects.web.WebApi} builds the API's router from the use-case
 * interfaces it is given ({@link cn.egov.projects.web.UseCases}), and {@link cn.egov.projects.web.WebServer} runs
 * it, so that nothing outside this module touches Vert.x.
 */
package cn.egov.projects.web;
