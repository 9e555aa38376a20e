package org.anxin.platform.system;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their roles and the seniors a family member is linked to. */
@Service
public class Accounts {
    private final JdbcClient db;
    private final SeniorDirectory seniors;
    private final PasswordEncoder passwords;
    private final AdminAreas areas;

    Accounts(JdbcClient db, PasswordEncoder passwords, SeniorDirectory seniors, AdminAreas areas) {
        this.db = db;
        this.passwords = passwords;
        this.seniors = seniors;
        this.areas = areas;
    }

    /**
     * {@code community} (社区) is required for a COMMUNITY officer and refused for every other role;
     * {@code area} (the code of a node of the hierarchy) is required for a STREET officer (a street),
     * optional for a BUREAU officer (a district; none: the whole city), refused for the others.
     */
    public record NewUser(
            String username,
            String password,
            Role role,
            String displayName,
            String phone,
            List<Long> seniorIds,
            String community,
            String area) {}

    public record User(
            String username,
            Role role,
            String displayName,
            String phone,
            Set<Long> seniorIds,
            String community,
            String area) {}

    @Transactional
    public User create(NewUser user) {
        if (exists(user.username())) {
            throw ApiProblem.conflict("user " + user.username() + " already exists");
        }
        String community = user.community() == null || user.community().isBlank()
                ? null
                : user.community().strip();
        if (user.role() == Role.COMMUNITY && community == null) {
            throw ApiProblem.badRequest("community: a COMMUNITY user needs the community (社区) they serve");
        }
        if (user.role() != Role.COMMUNITY && community != null) {
            throw ApiProblem.badRequest("community: only a COMMUNITY user belongs to a community");
        }
        String area = checkedArea(user.role(), user.area());
        db.sql("insert into users (username, password_hash, role, display_name, phone, community, area)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        user.username(),
                        passwords.encode(user.password()),
                        user.role().name(),
                        user.displayName(),
                        user.phone(),
                        community,
                        area)
                .update();
        Set<Long> linked = new HashSet<>(user.seniorIds() == null ? List.of() : user.seniorIds());
        for (long seniorId : linked) {
            if (!seniors.exists(seniorId)) {
                throw ApiProblem.badRequest("senior " + seniorId + " does not exist");
            }
            db.sql("insert into user_seniors (username, senior_id) values (?, ?)")
                    .params(user.username(), seniorId)
                    .update();
        }
        return find(user.username()).orElseThrow();
    }

    /** Whether this is the user's password now (a user changing their own proves it first). */
    boolean passwordMatches(String username, String password) {
        return db.sql("select password_hash from users where username = ?")
                .param(username)
                .query(String.class)
                .optional()
                .map(hash -> passwords.matches(password, hash))
                .orElse(false);
    }

    private String checkedArea(Role role, String code) {
        String area = code == null || code.isBlank() ? null : code.strip();
        AdminAreas.Level needed =
                role == Role.STREET ? AdminAreas.Level.STREET : role == Role.BUREAU ? AdminAreas.Level.DISTRICT : null;
        if (area == null) {
            if (role == Role.STREET) {
                throw ApiProblem.badRequest("area: a STREET user needs the street (街道) they serve, by its code");
            }
            return null;
        }
        if (needed == null) {
            throw ApiProblem.badRequest("area: only a STREET or BUREAU user belongs to an area");
        }
        AdminAreas.Area found = areas.find(area).orElse(null);
        if (found == null || found.level() != needed) {
            throw ApiProblem.badRequest("area: a " + role + " user belongs to a " + needed + "; " + area + " is "
                    + (found == null ? "no area" : "a " + found.level()));
        }
        return area;
    }

    public boolean exists(String username) {
        return db.sql("select count(*) from users where username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Sets a user's password, creating the user with the role if missing. */
    @Transactional
    public void setPassword(String username, Role role, String password) {
        // one statement: two nodes starting on an empty database both set the admin's password,
        // and an update-then-insert let the second fail on the duplicate key
        db.sql("insert into users (username, password_hash, role, display_name) values (?, ?, ?, ?)"
                        + " on conflict (username) do update set password_hash = excluded.password_hash")
                .params(username, passwords.encode(password), role.name(), username)
                .update();
    }

    /**
     * One query, so one connection: reading the linked seniors with a second query from inside the
     * row mapper took a second pooled connection while the first was held, and ten concurrent
     * requests (the pool's size) then waited for each other until the pool timed out.
     */
    public Optional<User> find(String username) {
        return db.sql("select u.username, u.role, u.display_name, u.phone, u.community, u.area,"
                        + " array(select s.senior_id"
                        + " from user_seniors s where s.username = u.username order by s.senior_id) as senior_ids"
                        + " from users u where u.username = ?")
                .param(username)
                .query((rs, n) -> new User(
                        rs.getString("username"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("display_name"),
                        rs.getString("phone"),
                        Set.copyOf(
                                Arrays.asList((Long[]) rs.getArray("senior_ids").getArray())),
                        rs.getString("community"),
                        rs.getString("area")))
                .optional();
    }

    /** Users of a role, e.g. the supervisors to alert. */
    public List<User> withRole(Role role) {
        return db
                .sql("select username from users where role = ? order by username")
                .param(role.name())
                .query(String.class)
                .list()
                .stream()
                .map(username -> find(username).orElseThrow())
                .toList();
    }

    /** Users whose phone is this number (matched as {@link PhoneNumbers#key}), e.g. to know a caller. */
    public List<User> withPhone(String phone) {
        String key = PhoneNumbers.key(phone);
        if (key == null) {
            return List.of();
        }
        return db
                .sql("select username from users where " + PhoneNumbers.sqlKey("phone") + " = ? order by username")
                .param(key)
                .query(String.class)
                .list()
                .stream()
                .map(username -> find(username).orElseThrow())
                .toList();
    }

    /** The signed-in user of this request. */
    public Viewer currentViewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw ApiProblem.forbidden("not signed in");
        }
        User user = find(authentication.getName()).orElseThrow(() -> ApiProblem.forbidden("unknown user"));
        return new Viewer(user.username(), user.role(), user.seniorIds(), user.community(), communities(user));
    }

    /** The communities an officer covers: their own, those below their street or district; null: the whole city. */
    private Set<String> communities(User user) {
        return switch (user.role()) {
            case COMMUNITY -> user.community() == null ? Set.of() : Set.of(user.community());
            case STREET -> areas.communitiesUnder(user.area());
            case BUREAU -> user.area() == null ? null : areas.communitiesUnder(user.area());
            default -> Set.of();
        };
    }
}
