package cn.egov.projects.benchmarks;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer: the same lifecycle as a BPMN process on Flowable 7.1 ({@code project-lifecycle.bpmn20.xml}). The draft
 * starts a process instance with the project's profile as variables; each later step finds the project's open task
 * for the acting role (a task query by process instance and candidate group — the peer's access check) and completes
 * it with that step's data as variables, the state among them. History at Flowable's default level (audit), no job
 * executor (nothing is asynchronous), its own schema created by Flowable ({@code databaseSchemaUpdate=true}).
 */
final class FlowableEngine implements Engine {

    private static final String[][] STEPS = {
            {"UNIT_STAFF", "DECLARED"}, {"BDB_OFFICER", "UNDER_REVIEW"}, {"BDB_OFFICER", "REVIEWED"},
            {"FINANCE", "FUNDING_PROPOSED"}, {"BDB_OFFICER", "APPROVED"}, {"BDB_OFFICER", "PLANNED"},
            {"UNIT_STAFF", "IMPLEMENTING"}, {"BDB_OFFICER", "PROCUREMENT"}, {"UNIT_STAFF", "CONTRACTED"},
            {"UNIT_STAFF", "CONTRACTED"}, {"UNIT_STAFF", "TRIAL_RUN"}, {"CYBERSEC", "TRIAL_RUN"},
            {"UNIT_STAFF", "ACCEPTANCE_PENDING"}, {"UNIT_STAFF", "ACCEPTED"}, {"UNIT_STAFF", "OPERATING"},
            {"UNIT_STAFF", "OPERATING"}, {"FINANCE", "CLOSED"}};

    private final String name;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AtomicLong serial = new AtomicLong();

    FlowableEngine(String name, String url, String user, String password) {
        this.name = name;
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setJdbcUrl(url);
        config.setJdbcDriver(url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver");
        config.setJdbcUsername(user);
        config.setJdbcPassword(password == null ? "" : password);
        // as many connections as the application's pool (20): no thread waits for one
        config.setJdbcMaxActiveConnections(20);
        config.setJdbcMaxIdleConnections(20);
        config.setDatabaseSchemaUpdate("true");
        config.setAsyncExecutorActivate(false);
        config.setDisableIdmEngine(true);
        config.setDisableEventRegistry(true);
        this.engine = config.buildProcessEngine();
        this.runtime = engine.getRuntimeService();
        this.tasks = engine.getTaskService();
        engine.getRepositoryService().createDeployment().addClasspathResource("project-lifecycle.bpmn20.xml")
                .name("project lifecycle").deploy();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void lifecycle() {
        long n = serial.incrementAndGet();
        Map<String, Object> profile = new HashMap<>();
        profile.put("name", "智慧公安数据平台 " + n);
        profile.put("unit", "TC-GAJ");
        profile.put("planYear", Days.PLAN_YEAR);
        profile.put("category", "BUSINESS_SYSTEM");
        profile.put("nature", "NEW");
        profile.put("fundingSource", "MUNICIPAL");
        profile.put("classified", false);
        profile.put("scope", "数据汇聚平台;警情分析系统");
        profile.put("goals", "警情处置时间缩短20%");
        profile.put("budgetLines", "[{\"item\":\"平台建设\",\"yuan\":\"500000.00\",\"supervision\":false}]");
        profile.put("leader", "李分管 13900000001 leader@bench.taicang.gov.cn");
        profile.put("responsible", "王经办 13900000002 staff@bench.taicang.gov.cn");
        profile.put("state", "DRAFT");
        profile.put("createdOn", java.sql.Date.valueOf(Days.DRAFT));
        ProcessInstance instance = runtime.startProcessInstanceByKey("projectLifecycle", "P-" + n, profile);
        String id = instance.getId();
        for (int i = 0; i < STEPS.length; i++) {
            Task task = tasks.createTaskQuery().processInstanceId(id).taskCandidateGroup(STEPS[i][0]).singleResult();
            if (task == null) {
                throw new IllegalStateException("no open task for " + STEPS[i][0] + " at step " + (i + 1));
            }
            Map<String, Object> vars = data(i, n);
            vars.put("state", STEPS[i][1]);
            tasks.complete(task.getId(), vars);
        }
        if (runtime.createProcessInstanceQuery().processInstanceId(id).count() != 0) {
            throw new IllegalStateException("the process did not end");
        }
    }

    private static java.sql.Date date(LocalDate day) {
        return java.sql.Date.valueOf(day);
    }

    /** The data each step records (as the application's commands carry them). */
    private static Map<String, Object> data(int step, long n) {
        Map<String, Object> v = new HashMap<>();
        switch (step) {
            case 0 -> v.put("declaredOn", date(Days.DRAFT));
            case 1 -> v.put("reviewStartedOn", date(Days.REVIEW));
            case 2 -> {
                v.put("reviewApproved", true);
                v.put("reviewExperts", "张明;李华;王芳");
                v.put("reviewOpinion", "建设必要，方案可行");
            }
            case 3 -> {
                v.put("fundingAmount", "500000.00");
                v.put("fundingOpinion", "同意安排");
            }
            case 4 -> {
                v.put("approvedBudget", "500000.00");
                v.put("approvalReference", "太政复〔2024〕88号");
            }
            case 5 -> {
                v.put("planYear", Days.PLAN_YEAR);
                v.put("planReference", "太政办〔2025〕5号");
                v.put("plannedOn", date(Days.PLAN));
            }
            case 6 -> {
                v.put("implementationScope", "数据汇聚平台;警情分析系统");
                v.put("implementationBudget", "500000.00");
                v.put("implementationSchedule", "2025年4月招标，9月上线试运行");
            }
            case 7 -> {
                v.put("preProcurementPassed", true);
                v.put("preProcurementOpinion", "同意采购");
            }
            case 8 -> {
                v.put("contractNumber", "HT-2025-" + n);
                v.put("contractSupplier", "苏州某信息技术有限公司");
                v.put("contractAmount", "480000.00");
                v.put("contractSignedOn", date(Days.CONTRACT_SIGNED));
                v.put("warrantyEnd", date(Days.WARRANTY_END));
            }
            case 9 -> v.put("contractFiledOn", date(Days.CONTRACT_FILED));
            case 10 -> v.put("trialStartedOn", date(Days.TRIAL));
            case 11 -> {
                v.put("cybersecPassed", true);
                v.put("cybersecOpinion", "符合网络安全要求");
            }
            case 12 -> {
                v.put("selfInspectionContent", "全部建设内容已完成");
                v.put("selfInspectionCatalogue", "已整理资源目录32项");
                v.put("selfInspectionGoals", "警情处置时间缩短23%");
            }
            case 13 -> {
                v.put("acceptedOn", date(Days.ACCEPTANCE));
                v.put("acceptancePassed", true);
                v.put("acceptanceExperts", "张明;李华;王芳");
                v.put("acceptanceDocuments", "项目合同;实施方案;项目自查报告;测试报告;用户使用报告");
                v.put("acceptanceConclusion", "同意通过验收");
            }
            case 14 -> v.put("operatingSince", date(Days.OPERATION));
            case 15 -> v.put("acceptanceReportOn", date(Days.ACCEPTANCE_REPORT));
            case 16 -> {
                v.put("finalAccounts", "478000.00");
                v.put("finalAccountsOn", date(Days.FINAL_ACCOUNTS));
            }
            default -> throw new IllegalArgumentException("step " + step);
        }
        return v;
    }

    @Override
    public void close() {
        engine.close();
    }
}
