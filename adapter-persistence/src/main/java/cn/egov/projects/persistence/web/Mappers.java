package cn.egov.projects.persistence.web;

import cn.egov.projects.persistence.mybatis.Sessions;
import org.apache.ibatis.session.Configuration;

/** Registers this package's mappers with a database's MyBatis configuration, once, before they are first used. */
final class Mappers {

    private Mappers() {
    }

    static Sessions registered(Sessions sessions) {
        Configuration configuration = sessions.configuration();
        synchronized (configuration) {
            for (Class<?> dao : new Class<?>[]{WorkplaceDao.class, WebSecurityDao.class}) {
                if (!configuration.hasMapper(dao)) {
                    configuration.addMapper(dao);
                }
            }
        }
        return sessions;
    }
}
