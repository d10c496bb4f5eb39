package io.reach.audit;

import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.PageRequest;
import org.springframework.stereotype.Service;

/**
 * What the audit records tell a workspace's auditors (state changes, security events, refused
 * requests) and the platform's operators (platform-level security events), newest first.
 */
@Service
class AuditHistory {

    private final AuditRecords records;
    private final TenantTransactions transactions;

    AuditHistory(AuditRecords records, TenantTransactions transactions) {
        this.records = records;
        this.transactions = transactions;
    }

    CursorPage<AuditRecords.AuditLog> auditLogs(PageRequest page, AuditRecords.Filter filter) {
        return transactions.inTransaction(
                () -> CursorPage.of(records.auditLogs(filter), page, AuditRecords.AuditLog::id));
    }

    CursorPage<AuditRecords.SecurityEventView> securityEvents(PageRequest page, AuditRecords.Filter filter) {
        return transactions.inTransaction(
                () -> CursorPage.of(records.securityEvents(filter), page, AuditRecords.SecurityEventView::id));
    }

    CursorPage<AuditRecords.AccessLog> accessLogs(PageRequest page, AuditRecords.Filter filter) {
        return transactions.inTransaction(
                () -> CursorPage.of(records.accessLogs(filter), page, AuditRecords.AccessLog::id));
    }

    /** The platform's own security events (sign-in failures, throttling, rejected webhooks), under no tenant. */
    CursorPage<AuditRecords.SecurityEventView> platformSecurityEvents(PageRequest page, AuditRecords.Filter filter) {
        return transactions.inTransactionAs(
                TenantId.PLATFORM,
                () -> CursorPage.of(records.securityEvents(filter), page, AuditRecords.SecurityEventView::id));
    }
}
