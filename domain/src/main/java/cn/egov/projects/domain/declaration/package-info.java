/** The yearly declaration window of Art. 7, opened by the Bureau in the third quarter for the next plan year. */
package cn.egov.projects.domain.declaration;
