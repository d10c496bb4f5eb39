package io.reach.contacts;

import io.reach.platform.security.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How the workspace's hosted preference centre and subscription forms look. */
@RestController
@RequestMapping("/api/v1/preference-centre")
@Tag(name = "Contacts")
@SecurityRequirement(name = "bearer")
class PreferenceCentreController {

    private final PreferenceCentreSettings settings;

    PreferenceCentreController(PreferenceCentreSettings settings) {
        this.settings = settings;
    }

    record BrandingRequest(
            @NotNull String title,
            @Nullable String introduction,
            @Nullable String brandName,
            @Nullable String logoUrl,
            @Nullable String accentColor,
            @Nullable String footer,
            @Nullable Boolean offerFrequency) {

        PreferenceBranding branding() {
            return new PreferenceBranding(
                    title,
                    introduction,
                    brandName,
                    logoUrl,
                    accentColor,
                    footer,
                    offerFrequency == null || offerFrequency);
        }
    }

    @GetMapping
    @RequiresPermission(resource = "contacts", action = "read")
    @Operation(summary = "The preference centre's branding (the default until one is saved)")
    PreferenceBranding get() {
        return settings.current();
    }

    @PutMapping
    @RequiresPermission(resource = "contacts", action = "write")
    @Operation(
            summary = "Brand the preference centre and subscription forms: title, introduction, brand_name, "
                    + "logo_url (https), accent_color (#rrggbb), footer, offer_frequency")
    PreferenceBranding put(@Valid @RequestBody BrandingRequest request) {
        return settings.change(request.branding());
    }
}
