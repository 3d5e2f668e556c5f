package cn.egov.projects.persistence.web;

import cn.egov.projects.application.port.out.NamesPort;
import cn.egov.projects.persistence.mybatis.Sessions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The names of accounts and units, read from their tables (at most 500 user ids a query). */
public final class NamesAdapter implements NamesPort {

    private static final int CHUNK = 500;

    private final Sessions sessions;

    public NamesAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Map<String, String> people(Collection<String> userIds) {
        List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, String> names = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            sessions.call(s -> s.getMapper(WorkplaceDao.class).displayNames(chunk))
                    .forEach(r -> names.put(r.id(), r.name()));
        }
        return names;
    }

    @Override
    public Map<String, String> units() {
        Map<String, String> names = new LinkedHashMap<>();
        sessions.call(s -> s.getMapper(WorkplaceDao.class).unitNames()).forEach(r -> names.put(r.id(), r.name()));
        return names;
    }
}
