package io.reach.attribution.catalog;

import io.reach.attribution.catalog.AttributionModels.StoredModel;
import io.reach.platform.security.RequiresPermission;
import io.reach.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's attribution models. */
@RestController
@SecurityRequirement(name = "bearer")
@Tag(name = "Attribution")
class ModelController {

    private static final String MODELS = "/api/v1/attribution/models";

    private final ModelCatalog catalog;

    ModelController(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping(MODELS)
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(
            summary = "The workspace's attribution models (the seven defaults — first touch, last touch, linear, "
                    + "position-based 40/20/40, time decay with a 7-day half-life, Markov removal effect, Shapley — "
                    + "are made when it has none)")
    CursorPage<StoredModel> models() {
        return CursorPage.whole(catalog.all());
    }

    @PostMapping(MODELS)
    @RequiresPermission(resource = "attribution", action = "write")
    @Operation(
            summary = "A new model: name, model_type (first_touch, last_touch, linear, position_based, time_decay, "
                    + "markov, shapley), configuration ({first, last} shares for position_based; {half_life_days} "
                    + "for time_decay), enabled")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<StoredModel> create(@RequestBody ModelCatalog.ModelInput input) {
        StoredModel created = catalog.create(input);
        return ResponseEntity.created(URI.create(MODELS + "/" + created.id())).body(created);
    }

    @GetMapping(MODELS + "/{id}")
    @RequiresPermission(resource = "attribution", action = "read")
    @Operation(summary = "A model")
    StoredModel model(@PathVariable UUID id) {
        return catalog.find(id);
    }

    @PatchMapping(MODELS + "/{id}")
    @RequiresPermission(resource = "attribution", action = "write")
    @Operation(summary = "Change a model's name, configuration or enabled (its kind stays)")
    StoredModel update(@PathVariable UUID id, @RequestBody ModelCatalog.ModelInput input) {
        return catalog.update(id, input);
    }

    @DeleteMapping(MODELS + "/{id}")
    @RequiresPermission(resource = "attribution", action = "write")
    @Operation(summary = "Delete a model")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        catalog.delete(id);
        return ResponseEntity.noContent().build();
    }
}
