package cn.egov.projects.application.account;

import cn.egov.projects.application.port.out.PolicyPort;
import cn.egov.projects.application.error.ForbiddenException;
import cn.egov.projects.application.error.InvalidCommandException;
import cn.egov.projects.application.port.in.Caller;
import cn.egov.projects.application.port.in.CreateUnitCommand;
import cn.egov.projects.application.port.in.UnitUseCase;
import cn.egov.projects.application.port.out.AuditRecord;
import cn.egov.projects.application.port.out.AuditTrailPort;
import cn.egov.projects.application.port.out.ClockPort;
import cn.egov.projects.application.port.out.TransactionPort;
import cn.egov.projects.application.port.out.UnitPort;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.access.AccessPolicy;
import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.policy.PolicyPack;
import cn.egov.projects.domain.project.UnitId;

import java.util.List;

/** The units of the municipality, kept by the administrator (三权分立: the administrator sees no project). */
public final class UnitService implements UnitUseCase {

    private final UnitPort units;
    private final AuditTrailPort audit;
    private final ClockPort clock;
    private final TransactionPort tx;
    private final PolicyPort policies;

    public UnitService(UnitPort units, AuditTrailPort audit, ClockPort clock, TransactionPort tx, PolicyPack pack) {
        this(units, audit, clock, tx, PolicyPort.of(pack));
    }

    /** @param policies the city's packs over time: each record and refusal cites the pack in force on the day */
    public UnitService(UnitPort units, AuditTrailPort audit, ClockPort clock, TransactionPort tx, PolicyPort policies) {
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.policies = java.util.Objects.requireNonNull(policies, "policies");
    }

    /**
     * The pack in force today by the application's clock: a pack that takes effect later is followed from its first
     * day, without a restart.
     */
    private PolicyPack pack() {
        return policies.policies().inForceOn(clock.today());
    }

    @Override
    public Unit createUnit(Caller caller, CreateUnitCommand command) {
        var decision = new AccessPolicy(pack()).decide(caller.actor(), Action.MANAGE_ACCOUNTS);
        if (!decision.isAllowed()) {
            throw new ForbiddenException(decision.violation());
        }
        return tx.inTransaction(() -> {
            UnitId id = new UnitId(command.code());
            if (units.find(id).isPresent()) {
                throw new InvalidCommandException("code", "单位代码「" + command.code() + "」已存在");
            }
            Unit unit = new Unit(id, command.nameZh(), command.kind());
            units.insert(unit);
            audit.append(new AuditRecord(clock.now(), caller.actor().userId(), caller.actor().role(),
                    caller.actor().unit().code(), Action.MANAGE_ACCOUNTS.name(), pack().articleZh(Action.MANAGE_ACCOUNTS.provision()), null, null, null,
                    caller.requestId(), caller.sourceAddress(),
                    "新增单位 " + unit.id() + "（" + unit.nameZh() + "，" + unit.kind().zh() + "）"));
            return unit;
        });
    }

    @Override
    public List<Unit> listUnits(Caller caller) {
        return units.all();
    }
}
