/**
 * The use cases (input ports): one interface per staff action of the lifecycle, each taking a command record
 * validated on construction, and the queries staff read by.
 */
package cn.egov.projects.application.port.in;
