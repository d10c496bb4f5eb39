package io.reach.podcasts.downloads;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantContext;
import io.reach.platform.tenant.TenantId;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.BadRequestException;
import io.reach.platform.web.Codes;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.podcasts.counting.MeasurementJobs;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports access-log files (nginx or Apache combined with the Range header, S3, CloudFront; plain or
 * gzipped, up to {@value #MAX_BYTES} bytes) in the background: the upload is kept until its import
 * has read it, the lines are stored in batches of {@value #BATCH} with the progress (lines read,
 * requests stored, lines refused and the first refusals by line) in the job, the API, the console
 * and the log. A file is imported once: the same bytes again are refused (409).
 */
@Service
public class LogImports {

    static final int MAX_BYTES = 64 * 1024 * 1024;
    static final int BATCH = 10_000;
    private static final int KEPT_REFUSALS = 100;
    private static final Logger log = LoggerFactory.getLogger(LogImports.class);
    static final TaskDescriptor<String> TASK = TaskDescriptor.of("podcast-log-import", String.class);

    private final MeasurementJobs jobs;
    private final DownloadIngestion ingestion;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final JsonMapper json;
    private final Ids ids;
    private final Clock clock;

    LogImports(
            MeasurementJobs jobs,
            DownloadIngestion ingestion,
            TenantTransactions transactions,
            JdbcClient jdbc,
            ObjectProvider<SchedulerClient> scheduler,
            JsonMapper json,
            Ids ids,
            Clock clock) {
        this.jobs = jobs;
        this.ingestion = ingestion;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
    }

    /** Keeps the file and queues its import; answers the queued job. */
    public MeasurementJobs.Job start(
            @Nullable String formatCode, @Nullable String host, @Nullable String fileName, InputStream body) {
        if (formatCode == null) {
            throw new InvalidRequestException(new FieldError("format", "is combined, s3 or cloudfront"));
        }
        LogFormat format = Codes.of(LogFormat.class, formatCode, "format");
        if (host != null && !host.matches("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?")) {
            throw new InvalidRequestException(new FieldError("host", "is a host name such as cdn.example.com"));
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new BadRequestException("Unreadable upload", "The file could not be read: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new BadRequestException("Empty file", "The log file is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new BadRequestException("File too large", "A log file is at most 64 MiB (gzip it, or split it)");
        }
        String digest = sha256(bytes);
        TenantId tenant = TenantContext.require();
        UUID id = ids.next();
        String name = fileName == null ? null : fileName.length() > 500 ? fileName.substring(0, 500) : fileName;
        MeasurementJobs.Job job = transactions.inTransaction(() -> {
            if (jobs.imported(digest)) {
                throw new ConflictException(
                        "Already imported", "This log file was imported already; its requests are stored once");
            }
            jobs.add(
                    id,
                    MeasurementJobs.Kind.LOG_IMPORT,
                    format.code(),
                    name,
                    digest,
                    null,
                    null,
                    null,
                    clock.instant());
            jdbc.sql(
                            "insert into podcasts.log_uploads (tenant_id, job_id, content) values (platform.current_tenant_id(), :id, :content)")
                    .param("id", id)
                    .param("content", bytes)
                    .update();
            return jobs.find(id).orElseThrow();
        });
        String key = tenant.value() + ":" + id + ":" + (host == null ? "" : host);
        scheduler
                .getObject()
                .scheduleIfNotExists(
                        TASK.instance(tenant.value() + ":" + id).data(key).scheduledTo(clock.instant()));
        log.info(
                "Log import {} of tenant {} queued: {} ({} bytes, {})",
                id,
                tenant.value(),
                name,
                bytes.length,
                format.code());
        return job;
    }

    void run(TenantId tenant, UUID id, @Nullable String host) {
        MeasurementJobs.Job job =
                transactions.inTransactionAs(tenant, () -> jobs.find(id)).orElse(null);
        if (job == null
                || job.status() == MeasurementJobs.Status.SUCCEEDED
                || job.status() == MeasurementJobs.Status.FAILED) {
            return;
        }
        byte[] content = transactions.inTransactionAs(
                tenant,
                () -> jdbc.sql("select content from podcasts.log_uploads where job_id = :id")
                        .param("id", id)
                        .query(byte[].class)
                        .optional()
                        .orElse(null));
        String formatCode = job.logFormat();
        LogFormat format = formatCode == null ? null : Codes.stored(LogFormat.class, formatCode);
        if (content == null || format == null) {
            transactions.inTransactionAs(tenant, () -> jobs.finished(id, "The uploaded file is gone", clock.instant()));
            return;
        }
        transactions.inTransactionAs(tenant, () -> jobs.started(id, clock.instant()));
        try {
            Progress progress = read(tenant, id, format, host, content);
            transactions.inTransactionAs(tenant, () -> {
                jobs.progress(
                        id, progress.lines, progress.stored, progress.refused, progress.lines, refusals(progress));
                jobs.finished(id, null, clock.instant());
                jdbc.sql("delete from podcasts.log_uploads where job_id = :id")
                        .param("id", id)
                        .update();
            });
            log.info(
                    "Log import {} of tenant {} done: {} lines, {} requests stored, {} lines refused",
                    id,
                    tenant.value(),
                    progress.lines,
                    progress.stored,
                    progress.refused);
        } catch (IOException | RuntimeException e) {
            log.warn("Log import {} of tenant {} failed", id, tenant.value(), e);
            transactions.inTransactionAs(
                    tenant, () -> jobs.finished(id, String.valueOf(e.getMessage()), clock.instant()));
        }
    }

    private static final class Progress {
        long lines;
        long stored;
        long refused;
        final Map<Long, String> refusals = new LinkedHashMap<>();
    }

    private Progress read(TenantId tenant, UUID id, LogFormat format, @Nullable String host, byte[] content)
            throws IOException {
        Progress progress = new Progress();
        long total = lines(content);
        LogLines.Reader reader = new LogLines.Reader(format, host);
        List<DownloadIngestion.Numbered> batch = new ArrayList<>(BATCH);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(content), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                progress.lines++;
                LogLines.Read read =
                        line.length() > 16_384 ? new LogLines.Read(null, "is longer than 16 KiB") : reader.read(line);
                DownloadRequest request = read.request();
                if (request != null) {
                    batch.add(
                            new DownloadIngestion.Numbered((int) Math.min(Integer.MAX_VALUE, progress.lines), request));
                } else if (read.refusal() != null) {
                    refuse(progress, progress.lines, read.refusal());
                }
                if (batch.size() == BATCH) {
                    flush(tenant, id, batch, progress, total);
                }
            }
        }
        flush(tenant, id, batch, progress, total);
        return progress;
    }

    private void flush(
            TenantId tenant, UUID id, List<DownloadIngestion.Numbered> batch, Progress progress, long total) {
        Instant now = clock.instant();
        Instant oldest = ingestion.oldest(now);
        Instant newest = ingestion.newest(now);
        List<DownloadIngestion.Numbered> inWindow = new ArrayList<>(batch.size());
        for (DownloadIngestion.Numbered numbered : batch) {
            Instant time = numbered.request().time();
            if (time.isBefore(oldest) || time.isAfter(newest)) {
                refuse(progress, numbered.index(), "is outside the retention (" + oldest + " to " + newest + ")");
            } else {
                inWindow.add(numbered);
            }
        }
        List<io.reach.platform.web.BatchAnswer.Refused> refused = new ArrayList<>();
        progress.stored += ingestion.store(tenant, inWindow, EventType.LOG, id, refused, now);
        for (io.reach.platform.web.BatchAnswer.Refused one : refused) {
            refuse(progress, one.index(), "names no episode of this workspace");
        }
        batch.clear();
        transactions.inTransactionAs(
                tenant,
                () -> jobs.progress(id, progress.lines, progress.stored, progress.refused, total, refusals(progress)));
        log.info("Log import {} of tenant {}: {} of {} lines read", id, tenant.value(), progress.lines, total);
    }

    private static void refuse(Progress progress, long line, String why) {
        progress.refused++;
        if (progress.refusals.size() < KEPT_REFUSALS) {
            progress.refusals.put(line, why);
        }
    }

    private String refusals(Progress progress) {
        List<Map<String, Object>> list = new ArrayList<>();
        progress.refusals.forEach((line, why) -> list.add(Map.of("line", line, "error", why)));
        return json.writeValueAsString(list);
    }

    private static long lines(byte[] content) throws IOException {
        long count = 0;
        boolean open = false;
        try (InputStream in = open(content)) {
            byte[] buffer = new byte[65_536];
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                        open = false;
                    } else {
                        open = true;
                    }
                }
            }
        }
        return open ? count + 1 : count;
    }

    private static InputStream open(byte[] content) throws IOException {
        InputStream raw = new ByteArrayInputStream(content);
        boolean gzip = content.length > 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
        return gzip ? new GZIPInputStream(raw, 65_536) : raw;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        OneTimeTask<String> podcastLogImportTask(LogImports imports) {
            return Tasks.oneTime(TASK).execute((instance, context) -> {
                String[] parts = instance.getData().split(":", 3);
                imports.run(
                        TenantId.of(UUID.fromString(parts[0])),
                        UUID.fromString(parts[1]),
                        parts.length < 3 || parts[2].isEmpty() ? null : parts[2]);
            });
        }
    }
}
