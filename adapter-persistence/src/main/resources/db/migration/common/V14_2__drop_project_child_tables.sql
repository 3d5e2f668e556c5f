-- V14.2, for H2 (PostgreSQL mode) and PostgreSQL alike: every project has its document now (V14.1), which alone
-- holds what the child tables and the project columns below held. The deadline table stays: it is the projection of
-- each document's deadlines that the queries by due day read.
ALTER TABLE project ALTER COLUMN document SET NOT NULL;

DROP TABLE project_review_expert;
DROP TABLE project_review;
DROP TABLE project_change_scope_item;
DROP TABLE project_change_request;
DROP TABLE project_acceptance_expert;
DROP TABLE project_acceptance_document;
DROP TABLE project_acceptance;
DROP TABLE project_implementation_scope_item;
DROP TABLE project_implementation_plan;
DROP TABLE project_budget_line;
DROP TABLE project_scope_item;
DROP TABLE project_performance_goal;
DROP TABLE project_person;
DROP TABLE project_funding_opinion;
DROP TABLE project_government_approval;
DROP TABLE project_plan_inclusion;
DROP TABLE project_pre_procurement_review;
DROP TABLE project_contract;
DROP TABLE project_progress_report;
DROP TABLE project_situation_report;
DROP TABLE project_security_review;
DROP TABLE project_self_inspection;
DROP TABLE project_termination;

ALTER TABLE project DROP COLUMN children_snapshot;
ALTER TABLE project DROP COLUMN child_parts;
ALTER TABLE project DROP COLUMN service_kind;
ALTER TABLE project DROP COLUMN supervised_project;
ALTER TABLE project DROP COLUMN software_development;
ALTER TABLE project DROP COLUMN funding_source;
ALTER TABLE project DROP COLUMN uses_cryptography;
ALTER TABLE project DROP COLUMN suspended_from;
ALTER TABLE project DROP COLUMN declared_on;
ALTER TABLE project DROP COLUMN supplementary;
ALTER TABLE project DROP COLUMN supplementary_requirement;
ALTER TABLE project DROP COLUMN supplementary_feasibility_study;
ALTER TABLE project DROP COLUMN higher_level_reported_on;
ALTER TABLE project DROP COLUMN no_procurement_reason;
ALTER TABLE project DROP COLUMN substantive_start_on;
ALTER TABLE project DROP COLUMN trial_start_on;
ALTER TABLE project DROP COLUMN operating_from;
ALTER TABLE project DROP COLUMN acceptance_report_on;
ALTER TABLE project DROP COLUMN final_accounts_on;
ALTER TABLE project DROP COLUMN final_accounts_amount;
ALTER TABLE project DROP COLUMN maintenance_arrangement;
