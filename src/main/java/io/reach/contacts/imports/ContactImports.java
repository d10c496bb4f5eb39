package io.reach.contacts.imports;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.reach.contacts.ContactFieldManagement;
import io.reach.contacts.ContactNotFound;
import io.reach.contacts.ListManagement;
import io.reach.platform.database.TableMaintenance;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.CursorPage;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.PageRequest;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contact imports as background work. The upload is read, every row checked and the good ones staged
 * in one transaction (a failure leaves nothing), then a db-scheduler task upserts the staged rows in
 * chunks of {@link #CHUNK}, each chunk committed with the import's progress, so the API, the console
 * and the log follow it and a restarted node carries on after the last chunk. A dry run does all of
 * it in one transaction that is rolled back, keeping only the counts.
 */
@Service
public class ContactImports {

    static final int CHUNK = 10_000;
    /** Imports writing at least this many contacts vacuum and analyse the tables before they say done. */
    static final long MAINTAINED_FROM = 10_000;

    private static final int STAGE_BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(ContactImports.class);
    static final TaskDescriptor<String> TASK = TaskDescriptor.of("contact-import", String.class);

    private final Imports imports;
    private final ImportUpserts upserts;
    private final ContactFieldManagement fields;
    private final ListManagement listManagement;
    private final TenantTransactions transactions;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final JsonMapper json;
    private final TableMaintenance maintenance;
    private final Ids ids;
    private final Clock clock;

    ContactImports(
            Imports imports,
            ImportUpserts upserts,
            ContactFieldManagement fields,
            ListManagement listManagement,
            TenantTransactions transactions,
            ObjectProvider<SchedulerClient> scheduler,
            JsonMapper json,
            TableMaintenance maintenance,
            Ids ids,
            Clock clock) {
        this.imports = imports;
        this.upserts = upserts;
        this.fields = fields;
        this.listManagement = listManagement;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.json = json;
        this.maintenance = maintenance;
        this.ids = ids;
        this.clock = clock;
    }

    /** Reads, checks and stages an upload, then starts its import in the background; answers it queued. */
    public ContactImport start(
            ImportFormat format, InputStream body, boolean dryRun, @Nullable UUID listId, @Nullable UUID by) {
        TenantId tenant = TenantContext.require();
        UUID id = ids.next();
        ContactImport queued = transactions.inTransaction(() -> {
            if (listId != null) {
                listManagement.existing(listId).orElseThrow(() -> ContactNotFound.listForId(listId));
            }
            imports.add(id, format, dryRun, listId, by, clock.instant());
            Staging staging = new Staging(id);
            long rows = new ImportReader(json, fields.all(), staging).read(format, body);
            staging.flush();
            imports.staged(id, rows, staging.refusedRows);
            return imports.find(id).orElseThrow();
        });
        String key = tenant.value() + ":" + id;
        scheduler.getObject().scheduleIfNotExists(TASK.instance(key).data(key).scheduledTo(clock.instant()));
        log.info(
                "Contact import {} of tenant {}: {} rows read, {} refused, queued{}",
                id,
                tenant.value(),
                queued.rowsTotal(),
                queued.errorCount(),
                dryRun ? " (dry run)" : "");
        return queued;
    }

    public ContactImport find(UUID id) {
        return transactions.inTransaction(() -> imports.find(id)).orElseThrow(() -> ImportNotFound.forId(id));
    }

    public CursorPage<ContactImport> page(PageRequest page) {
        return transactions.inTransaction(
                () -> CursorPage.of(imports.page(page.beforeOrEnd(), page.fetchSize()), page, ContactImport::id));
    }

    /** Refused rows in line order, after the cursor {@code line:field}. */
    public List<ImportError> errors(UUID id, long afterLine, String afterField, int limit) {
        return transactions.inTransaction(() -> {
            imports.find(id).orElseThrow(() -> ImportNotFound.forId(id));
            return imports.errors(id, afterLine, afterField, limit);
        });
    }

    /** Runs a queued (or interrupted) import to its end, as its tenant. */
    void run(TenantId tenant, UUID id) {
        Optional<ContactImport> found = transactions.inTransactionAs(tenant, () -> imports.find(id));
        if (found.isEmpty()
                || found.get().status() == ImportStatus.DONE
                || found.get().status() == ImportStatus.FAILED) {
            return;
        }
        try {
            if (found.get().dryRun()) {
                dryRun(tenant, found.get());
            } else {
                transactions.inTransactionAs(tenant, () -> imports.start(id, clock.instant()));
                importChunks(tenant, found.get());
                maintain(tenant, id);
            }
            transactions.inTransactionAs(tenant, () -> {
                imports.finish(id, ImportStatus.DONE, null, clock.instant());
                imports.clear(id);
            });
            ContactImport done =
                    transactions.inTransactionAs(tenant, () -> imports.find(id).orElseThrow());
            log.info(
                    "Contact import {} of tenant {} done: {} created, {} updated, {} refused{}",
                    id,
                    tenant.value(),
                    done.createdCount(),
                    done.updatedCount(),
                    done.errorCount(),
                    done.dryRun() ? " (dry run: nothing changed)" : "");
        } catch (RuntimeException failure) {
            log.warn("Contact import {} of tenant {} failed", id, tenant.value(), failure);
            transactions.inTransactionAs(
                    tenant,
                    () -> imports.finish(
                            id, ImportStatus.FAILED, String.valueOf(failure.getMessage()), clock.instant()));
        }
    }

    /** After a large import, the written tables are made ready to be read fast before the import says done. */
    private void maintain(TenantId tenant, UUID id) {
        ContactImport written =
                transactions.inTransactionAs(tenant, () -> imports.find(id).orElseThrow());
        if (written.createdCount() + written.updatedCount() >= MAINTAINED_FROM) {
            maintenance.vacuumAnalyze("contacts.contacts");
            if (written.listId() != null) {
                maintenance.vacuumAnalyze("contacts.list_members");
            }
        }
    }

    /** Upserts the staged rows a chunk at a time; a chunk removes its rows, so a restart carries on after the last one. */
    private void importChunks(TenantId tenant, ContactImport started) {
        while (true) {
            Optional<Long> end =
                    transactions.inTransactionAs(tenant, () -> imports.chunkEnd(started.id(), Long.MIN_VALUE, CHUNK));
            long upto = end.orElse(Long.MAX_VALUE);
            transactions.inTransactionAs(tenant, () -> chunk(started, upto));
            if (end.isEmpty()) {
                return;
            }
        }
    }

    /** Upserts the staged rows up to line {@code upto}, records the progress and removes them, in the caller's transaction. */
    private void chunk(ContactImport started, long upto) {
        ImportUpserts.Outcome outcome =
                upserts.upsert(started.id(), Long.MIN_VALUE, upto, target(started), clock.instant());
        imports.progress(started.id(), outcome.rows(), outcome.created(), outcome.updated(), outcome.refused());
        imports.clearUpTo(started.id(), upto);
        confirmations(started, outcome);
    }

    /** Counts what the import would do, in one transaction that is then rolled back; only the counts are kept. */
    private void dryRun(TenantId tenant, ContactImport started) {
        ImportUpserts.Outcome total;
        try {
            transactions.inTransactionAs(tenant, () -> {
                throw new Counted(
                        upserts.upsert(started.id(), Long.MIN_VALUE, Long.MAX_VALUE, target(started), clock.instant()));
            });
            throw new IllegalStateException("unreachable");
        } catch (Counted counted) {
            total = counted.outcome;
        }
        ImportUpserts.Outcome counted = total;
        transactions.inTransactionAs(tenant, () -> {
            imports.start(started.id(), clock.instant());
            imports.progress(started.id(), counted.rows(), counted.created(), counted.updated(), counted.refused());
        });
    }

    /** Ends a dry run's transaction (rolled back) with what it counted. */
    private static final class Counted extends RuntimeException {

        private final transient ImportUpserts.Outcome outcome;

        Counted(ImportUpserts.Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private ImportUpserts.Target target(ContactImport started) {
        UUID listId = started.listId();
        return new ImportUpserts.Target(
                listId == null ? null : listManagement.existing(listId).orElse(null), null);
    }

    private void confirmations(ContactImport started, ImportUpserts.Outcome outcome) {
        UUID listId = started.listId();
        if (listId == null || outcome.toConfirm().isEmpty()) {
            return;
        }
        listManagement.existing(listId).ifPresent(list -> listManagement.mailConfirmations(list, outcome.toConfirm()));
    }

    /** Stages checked rows and refused ones in batches as the reader goes. */
    private final class Staging implements ImportReader.Sink {

        private final UUID id;
        private final List<ImportRow> rows = new ArrayList<>();
        private final List<ImportError> errors = new ArrayList<>();
        private long refusedRows;

        Staging(UUID id) {
            this.id = id;
        }

        @Override
        public void accepted(ImportRow row) {
            rows.add(row);
            if (rows.size() >= STAGE_BATCH) {
                flush();
            }
        }

        @Override
        public void refused(long line, List<FieldError> fieldErrors) {
            refusedRows++;
            fieldErrors.forEach(error -> errors.add(new ImportError(line, error.field(), error.message())));
            if (errors.size() >= STAGE_BATCH) {
                flush();
            }
        }

        void flush() {
            if (!rows.isEmpty()) {
                imports.stage(id, rows);
                rows.clear();
            }
            if (!errors.isEmpty()) {
                imports.refuse(id, errors);
                errors.clear();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Task {

        @Bean
        OneTimeTask<String> contactImportTask(ContactImports imports) {
            return Tasks.oneTime(TASK).execute((instance, context) -> {
                String[] parts = instance.getData().split(":");
                imports.run(TenantId.of(UUID.fromString(parts[0])), UUID.fromString(parts[1]));
            });
        }
    }
}
