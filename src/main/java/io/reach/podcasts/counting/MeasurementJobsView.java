package io.reach.podcasts.counting;

import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The workspace's measurement jobs as the API and console show them. */
@Service
public class MeasurementJobsView {

    private final MeasurementJobs jobs;
    private final TenantTransactions transactions;

    MeasurementJobsView(MeasurementJobs jobs, TenantTransactions transactions) {
        this.jobs = jobs;
        this.transactions = transactions;
    }

    public List<MeasurementJobs.Job> recent() {
        return transactions.inTransaction(() -> jobs.recent(null, 50));
    }

    public MeasurementJobs.Job find(UUID id) {
        return transactions.inTransaction(() -> jobs.find(id)).orElseThrow(() -> new NotFoundException("Job", id));
    }
}
