package org.anxin.platform.assessment;

import java.util.Optional;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which assessment agency (评估机构) each ASSESSOR works for. */
@Component
class Assessors {
    private final JdbcClient db;
    private final Accounts accounts;

    Assessors(JdbcClient db, Accounts accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    record AssessorView(String username, String displayName, String agency) {}

    AssessorView register(String username, String agency) {
        Accounts.User user = accounts.find(username).orElseThrow(() -> ApiProblem.notFound("no user " + username));
        if (user.role() != Role.ASSESSOR) {
            throw ApiProblem.badRequest("user " + username + " is " + user.role() + ", not an ASSESSOR");
        }
        db.sql("insert into assessors (username, agency) values (?, ?)"
                        + " on conflict (username) do update set agency = excluded.agency")
                .params(username, agency)
                .update();
        return new AssessorView(username, user.displayName(), agency);
    }

    Optional<String> agencyOf(String username) {
        return db.sql("select agency from assessors where username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }
}
