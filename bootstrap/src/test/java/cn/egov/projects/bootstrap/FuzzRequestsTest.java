package cn.egov.projects.bootstrap;

import cn.egov.projects.domain.access.Action;
import cn.egov.projects.domain.access.Role;
import cn.egov.projects.web.access.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz test's generator on its own: it never fails, and request i is the same bytes every time. */
@DisplayName("模糊测试的请求生成：不出错，同一种子同一编号得到同样的请求")
class FuzzRequestsTest {

    private static FuzzRequests generator(long seed) {
        List<FuzzRequests.Route> routes = List.of(
                new FuzzRequests.Route("POST", "/api/projects/:id/documents", Rule.of(Action.ATTACH_DOCUMENT),
                        List.of()),
                new FuzzRequests.Route("POST", "/api/projects", Rule.of(Action.CREATE_DRAFT), List.of()),
                new FuzzRequests.Route("GET", "/api/projects", Rule.of(Action.VIEW_PROJECT),
                        List.of("year", "unit", "state", "category", "page", "size")),
                new FuzzRequests.Route("POST", "/api/projects/:id/actions/SIGN_CONTRACT", Rule.of(Action.SIGN_CONTRACT),
                        List.of()),
                new FuzzRequests.Route("PUT", "/api/accounts/:userId/enabled", Rule.of(Action.MANAGE_ACCOUNTS),
                        List.of()),
                new FuzzRequests.Route("POST", "/api/session", Rule.open(), List.of()),
                new FuzzRequests.Route("GET", "/api/audit-records", Rule.roles(Set.of(Role.AUDIT)),
                        List.of("user", "action", "project", "from", "to", "page", "size")),
                new FuzzRequests.Route("POST", "/api/admin/dead-letters/:id/retry",
                        Rule.of(Action.MANAGE_DEAD_LETTERS), List.of()),
                new FuzzRequests.Route("GET", "/calendar/:file", Rule.open(), List.of()),
                new FuzzRequests.Route("GET", "/*", Rule.open(), List.of()));
        List<FuzzRequests.Identity> identities = List.of(new FuzzRequests.Identity("anonymous", null, null, null, null),
                new FuzzRequests.Identity("gaj", Role.UNIT_STAFF, "Basic Z2FqOnB3", null, null),
                new FuzzRequests.Identity("jyj(session)", Role.UNIT_STAFF, null, "egov.session=abc", "csrf"));
        FuzzRequests.Targets targets = new FuzzRequests.Targets(List.of(new UUID(1, 2).toString()),
                List.of(new UUID(3, 4).toString()), List.of(), List.of(), List.of(), Map.of("x", "user-1"),
                List.of("TC-GAJ"), "token", Map.of("SIGN_CONTRACT", List.of(
                        new FuzzRequests.Field("number", "text", List.of()),
                        new FuzzRequests.Field("amount", "money", List.of()),
                        new FuzzRequests.Field("signedOn", "date", List.of()))));
        return new FuzzRequests(seed, routes, identities, targets);
    }

    @Test
    @DisplayName("五千个请求都能生成并写成字节")
    void generatesWithoutFailing() {
        FuzzRequests g = generator(ApiFuzzIT.DEFAULT_SEED);
        List<String> routes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            FuzzRequests.Request q = g.generate(i);
            assertThat(q.head(g.random(~i))).isNotEmpty();
            assertThat(q.describe(1)).startsWith("#" + i);
            routes.add(q.route());
        }
        assertThat(routes).contains("POST /api/projects/:id/documents", "(raw)", "(no route)", "GET /* (static)");
    }

    @Test
    @DisplayName("同一种子、同一编号：同样的请求；另一种子：另一请求")
    void replayable() {
        for (int i : new int[]{0, 1, 17, 4_242, 9_999}) {
            FuzzRequests.Request a = generator(7).generate(i);
            FuzzRequests.Request b = generator(7).generate(i);
            assertThat(a.describe(7)).isEqualTo(b.describe(7));
            assertThat(a.body()).isEqualTo(b.body());
            assertThat(Arrays.equals(a.head(new Random(i)), b.head(new Random(i)))).isTrue();
        }
        assertThat(generator(8).generate(17).describe(0)).isNotEqualTo(generator(7).generate(17).describe(0));
    }
}
