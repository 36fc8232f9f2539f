package io.vigil.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.model.audit.AuditEntry;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.VigilDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import io.vigil.store.testing.DatabaseTest;

class AuditLogTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @DatabaseTest
    void appendsAndPagesNewestFirst(VigilDatabase db) {
        AuditEntry signIn = db.auditLog().append(AuditEntry.of("alice", "user.sign-in", "alice", AuditOutcome.SUCCESS)
                .withSourceIp("192.0.2.10").at(T0));
        db.auditLog().append(AuditEntry.of("alice", "detector.settings.update", "kerberoasting", AuditOutcome.SUCCESS)
                .withDetails(Map.of("threshold", "10 -> 20")).at(T0.plusSeconds(60)));
        db.auditLog().append(AuditEntry.of("mallory", "pam.reset-password", "CONTOSO\\svc", AuditOutcome.DENIED)
                .at(T0.plusSeconds(120)));

        Page<AuditEntry> all = db.auditLog().find(AuditFilter.any(), PageRequest.firstPage());

        assertThat(signIn.id()).isNotNull();
        assertThat(all.items()).extracting(AuditEntry::action)
                .containsExactly("pam.reset-password", "detector.settings.update", "user.sign-in");
        assertThat(all.items().get(2)).isEqualTo(signIn);
        assertThat(all.items().get(1).details()).containsEntry("threshold", "10 -> 20");
        assertThat(db.auditLog().find(AuditFilter.any().withActor("alice"), PageRequest.firstPage()).total()).isEqualTo(2);
        assertThat(db.auditLog().find(AuditFilter.any().withOutcome(AuditOutcome.DENIED), PageRequest.firstPage()).items())
                .extracting(AuditEntry::actor).containsExactly("mallory");
        assertThat(db.auditLog().find(AuditFilter.any().between(T0.plusSeconds(60), T0.plusSeconds(120)), PageRequest.firstPage())
                .items()).extracting(AuditEntry::action).containsExactly("detector.settings.update");
        assertThat(db.auditLog().find(AuditFilter.any().withAction("user.sign-in").withTarget("alice"), PageRequest.firstPage())
                .total()).isEqualTo(1);
    }

    @DatabaseTest
    void theDatabaseRejectsUpdateDeleteAndTruncate(VigilDatabase db, DataSource dataSource) throws SQLException {
        db.auditLog().append(AuditEntry.of("alice", "user.sign-in", "alice", AuditOutcome.SUCCESS));

        assertThatThrownBy(() -> execute(dataSource, "UPDATE audit_log SET actor = 'mallory'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute(dataSource, "DELETE FROM audit_log"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute(dataSource, "TRUNCATE TABLE audit_log"))
                .isInstanceOf(SQLException.class);
        assertThat(db.auditLog().find(AuditFilter.any(), PageRequest.firstPage()).items())
                .singleElement().extracting(AuditEntry::actor).isEqualTo("alice");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
