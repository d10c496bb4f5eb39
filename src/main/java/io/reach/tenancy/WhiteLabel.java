package io.reach.tenancy;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** How a tenant's pages and e-mails are branded, and the custom domain it is served on. */
public record WhiteLabel(
        @Size(max = 200) @Nullable String brandName,

        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Nullable
        String logoUrl,

        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #1A2B3C") @Nullable
        String primaryColor,

        @Size(max = 253)
        @Pattern(
                regexp = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+",
                message = "must be a lower-case domain name such as brand.example.com")
        @Nullable
        String customDomain) {

    public static WhiteLabel none() {
        return new WhiteLabel(null, null, null, null);
    }
}
