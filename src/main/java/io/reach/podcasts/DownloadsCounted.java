package io.reach.podcasts;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A workspace's day of downloads was counted (again): published inside the transaction that wrote
 * it, so what is derived from the day's downloads (attribution's ad touches) is replaced with them.
 */
public record DownloadsCounted(UUID tenantId, LocalDate day) {}
