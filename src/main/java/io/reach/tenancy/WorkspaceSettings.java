package io.reach.tenancy;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's settings as the API document shows them: the keys Reach reads, with the values
 * {@link TenantSettingsRules} accepts. Other keys are kept as given.
 */
@Schema(
        name = "WorkspaceSettings",
        additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
        description = "Known keys are checked; other keys are kept as given")
record WorkspaceSettings(
        @Schema(description = "IANA time zone of days and reports", example = "Europe/Paris") @Nullable
        String timeZone,

        @Schema(
                allowableValues = {"full", "hash", "truncate"},
                description = "How visitors' IP addresses are stored")
        @Nullable
        String ipHandling,

        @Schema(minimum = "1", maximum = "3650", description = "Days raw events are kept") @Nullable
        Integer retentionDays,

        @Schema(description = "Posts need an approver before they are scheduled") @Nullable
        Boolean requirePostApproval,

        @Schema(description = "Campaign spend may exceed the allocated budget") @Nullable
        Boolean allowBudgetOverspend) {}
