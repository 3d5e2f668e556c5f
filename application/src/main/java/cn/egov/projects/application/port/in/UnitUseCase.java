package cn.egov.projects.application.port.in;

import cn.egov.projects.application.view.Unit;

import java.util.List;

/** The administrator keeps the list of units; every signed-in person may read it. */
public interface UnitUseCase {

    Unit createUnit(Caller caller, CreateUnitCommand command);

    List<Unit> listUnits(Caller caller);
}
