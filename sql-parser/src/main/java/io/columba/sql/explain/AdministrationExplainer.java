package io.columba.sql.explain;

import io.columba.sql.ast.AdministrationStatement;
import io.columba.sql.ast.CreateFunctionStatement;
import io.columba.sql.ast.KillStatement;
import io.columba.sql.ast.ShowObjectsStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Statements that administer rather than query: access control and transactions (one line each, ClickHouse
 * prints no children for them), KILL, SHOW TABLES/DATABASES with a filter, CREATE FUNCTION.
 */
final class AdministrationExplainer {
    /** The id ClickHouse prints for each statement's leading keywords; the longest prefix wins. */
    private static final Map<String, String> IDS = Map.ofEntries(
            Map.entry("CREATE USER", "CreateUserQuery"),
            Map.entry("ALTER USER", "CreateUserQuery"),
            Map.entry("CREATE ROLE", "CreateRoleQuery"),
            Map.entry("ALTER ROLE", "CreateRoleQuery"),
            Map.entry("CREATE QUOTA", "CreateQuotaQuery"),
            Map.entry("ALTER QUOTA", "CreateQuotaQuery"),
            Map.entry("CREATE ROW", "CREATE ROW POLICY or ALTER ROW POLICY query"),
            Map.entry("ALTER ROW", "CREATE ROW POLICY or ALTER ROW POLICY query"),
            Map.entry("CREATE POLICY", "CREATE ROW POLICY or ALTER ROW POLICY query"),
            Map.entry("ALTER POLICY", "CREATE ROW POLICY or ALTER ROW POLICY query"),
            Map.entry("CREATE SETTINGS", "CreateSettingsProfileQuery"),
            Map.entry("ALTER SETTINGS", "CreateSettingsProfileQuery"),
            Map.entry("CREATE PROFILE", "CreateSettingsProfileQuery"),
            Map.entry("ALTER PROFILE", "CreateSettingsProfileQuery"),
            Map.entry("CREATE NAMED", "CreateNamedCollectionQuery"),
            Map.entry("DROP USER", "DROP USER query"),
            Map.entry("DROP ROLE", "DROP ROLE query"),
            Map.entry("DROP QUOTA", "DROP QUOTA query"),
            Map.entry("DROP ROW", "DROP ROW POLICY query"),
            Map.entry("DROP POLICY", "DROP ROW POLICY query"),
            Map.entry("DROP SETTINGS", "DROP SETTINGS PROFILE query"),
            Map.entry("DROP PROFILE", "DROP SETTINGS PROFILE query"),
            Map.entry("DROP FUNCTION", "DropFunctionQuery"),
            Map.entry("DROP WORKLOAD", "DropWorkloadQuery"),
            Map.entry("DROP RESOURCE", "DropResourceQuery"),
            Map.entry("DROP NAMED", "DropNamedCollectionQuery"),
            Map.entry("GRANT", "GrantQuery"),
            Map.entry("REVOKE", "GrantQuery"),
            Map.entry("SHOW CREATE USER", "SHOW CREATE USER query"),
            Map.entry("SHOW CREATE USERS", "SHOW CREATE USERS query"),
            Map.entry("SHOW CREATE ROLE", "SHOW CREATE ROLE query"),
            Map.entry("SHOW CREATE ROLES", "SHOW CREATE ROLES query"),
            Map.entry("SHOW CREATE QUOTA", "SHOW CREATE QUOTA query"),
            Map.entry("SHOW CREATE QUOTAS", "SHOW CREATE QUOTAS query"),
            Map.entry("SHOW CREATE ROW", "SHOW CREATE ROW POLICY query"),
            Map.entry("SHOW CREATE POLICY", "SHOW CREATE ROW POLICY query"),
            Map.entry("SHOW CREATE SETTINGS", "SHOW CREATE SETTINGS PROFILE query"),
            Map.entry("SHOW CREATE PROFILE", "SHOW CREATE SETTINGS PROFILE query"),
            Map.entry("SHOW GRANTS", "ShowGrantsQuery"),
            Map.entry("SHOW PRIVILEGES", "ShowPrivilegesQuery"),
            Map.entry("SHOW COLUMNS", "ShowColumns"),
            Map.entry("SHOW FIELDS", "ShowColumns"),
            Map.entry("SHOW INDEX", "ShowColumns"),
            Map.entry("SHOW INDEXES", "ShowColumns"),
            Map.entry("SHOW FUNCTIONS", "ShowFunctions"),
            Map.entry("SHOW SETTING", "ShowSetting"),
            Map.entry("BEGIN", "ASTTransactionControl"),
            Map.entry("COMMIT", "ASTTransactionControl"),
            Map.entry("ROLLBACK", "ASTTransactionControl"),
            Map.entry("SET TRANSACTION", "ASTTransactionControl"),
            Map.entry("SET DEFAULT", "SetRoleQuery"),
            Map.entry("SET ROLE", "SetRoleQuery"));

    private final ExpressionExplainer expressions;

    AdministrationExplainer(ExpressionExplainer expressions) {
        this.expressions = expressions;
    }

    static ExplainNode administration(AdministrationStatement statement) {
        List<String> words = statement.words();
        for (int length = words.size(); length > 0; length--) {
            String id = IDS.get(String.join(" ", words.subList(0, length)));
            if (id != null) {
                return ExplainNode.leaf(id);
            }
        }
        return ExplainNode.leaf(String.join(" ", words) + " query");
    }

    /** {@code KillQueryQuery Function_equals ASYNC}: the condition's id joined with underscores, then the mode. */
    ExplainNode kill(KillStatement kill) {
        ExplainNode where = expressions.expression(kill.where());
        List<ExplainNode> children = new ArrayList<>();
        children.add(where);
        if (kill.format() != null) {
            children.add(StatementExplainer.identifier(kill.format()));
        }
        if (!kill.settings().isEmpty()) {
            children.add(ExplainNode.leaf("Set"));
        }
        return ExplainNode.of("KillQueryQuery " + where.id().replace(' ', '_') + " " + kill.mode(), children);
    }

    ExplainNode showObjects(ShowObjectsStatement show) {
        List<ExplainNode> children = new ArrayList<>();
        if (show.database() != null) {
            children.add(StatementExplainer.identifier(show.database()));
        }
        if (show.limit() != null) {
            children.add(expressions.expression(show.limit()));
        }
        if (show.format() != null) {
            children.add(StatementExplainer.identifier(show.format()));
        }
        return ExplainNode.of("ShowTables", children);
    }

    ExplainNode createFunction(CreateFunctionStatement create) {
        return ExplainNode.of(
                "CreateFunctionQuery " + create.name(),
                StatementExplainer.identifier(create.name()),
                expressions.expression(create.function()));
    }
}
