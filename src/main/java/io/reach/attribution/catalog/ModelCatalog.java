package io.reach.attribution.catalog;

import io.reach.attribution.catalog.AttributionModels.StoredModel;
import io.reach.attribution.models.ModelKind;
import io.reach.attribution.models.ModelSettings;
import io.reach.platform.ids.Ids;
import io.reach.platform.tenant.TenantTransactions;
import io.reach.platform.web.Codes;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import io.reach.platform.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A workspace's attribution models as its API changes them. A workspace with no model gets the
 * seven defaults (one per kind, with the usual parameters) the first time it asks for its models.
 */
@Service
public class ModelCatalog {

    private static final Map<ModelKind, String> DEFAULT_NAMES = Map.of(
            ModelKind.FIRST_TOUCH, "First touch",
            ModelKind.LAST_TOUCH, "Last touch",
            ModelKind.LINEAR, "Linear",
            ModelKind.POSITION_BASED, "Position-based 40/20/40",
            ModelKind.TIME_DECAY, "Time decay, 7-day half-life",
            ModelKind.MARKOV, "Markov removal effect",
            ModelKind.SHAPLEY, "Shapley value");

    private final TenantTransactions transactions;
    private final AttributionModels models;
    private final Ids ids;
    private final Clock clock;

    ModelCatalog(TenantTransactions transactions, AttributionModels models, Ids ids, Clock clock) {
        this.transactions = transactions;
        this.models = models;
        this.ids = ids;
        this.clock = clock;
    }

    /** What a client sends to make or change a model. */
    public record ModelInput(
            @Nullable String name,
            @Nullable String modelType,
            @Nullable Map<String, @Nullable Object> configuration,
            @Nullable Boolean enabled) {}

    /** The workspace's models (its defaults made first when it has none). */
    public List<StoredModel> all() {
        return transactions.inTransaction(() -> {
            List<StoredModel> all = models.all();
            if (!all.isEmpty()) {
                return all;
            }
            for (ModelKind kind : ModelKind.values()) {
                models.insert(
                        ids.next(),
                        java.util.Objects.requireNonNull(DEFAULT_NAMES.get(kind)),
                        kind,
                        ModelSettings.defaults(kind),
                        true,
                        clock.instant());
            }
            return models.all();
        });
    }

    public StoredModel find(UUID id) {
        return transactions.inTransaction(() -> models.find(id).orElseThrow(() -> new NotFoundException("Model", id)));
    }

    public StoredModel create(ModelInput input) {
        List<FieldError> errors = new ArrayList<>();
        String name = name(input.name(), errors);
        ModelKind kind = null;
        if (input.modelType() == null) {
            errors.add(new FieldError("model_type", "is required: one of " + codes()));
        } else {
            kind = Codes.of(ModelKind.class, input.modelType(), "model_type");
        }
        Map<String, @Nullable Object> configuration = input.configuration() == null ? Map.of() : input.configuration();
        if (kind != null) {
            errors.addAll(ModelSettings.check(kind, configuration));
        }
        if (!errors.isEmpty() || kind == null || name == null) {
            throw new InvalidRequestException("The model is not valid", errors);
        }
        ModelKind checkedKind = kind;
        UUID id = ids.next();
        return transactions.inTransaction(() -> {
            all();
            if (models.nameTaken(name, null)) {
                throw new ConflictException("Name taken", "The workspace has a model named " + name);
            }
            models.insert(
                    id,
                    name,
                    checkedKind,
                    ModelSettings.complete(checkedKind, configuration),
                    input.enabled() == null || input.enabled(),
                    clock.instant());
            return models.find(id).orElseThrow();
        });
    }

    /** Changes a model's name, parameters or whether it runs; its kind stays. */
    public StoredModel update(UUID id, ModelInput input) {
        return transactions.inTransaction(() -> {
            StoredModel current = models.find(id).orElseThrow(() -> new NotFoundException("Model", id));
            List<FieldError> errors = new ArrayList<>();
            String name = input.name() == null ? current.name() : name(input.name(), errors);
            if (input.modelType() != null
                    && !input.modelType().equals(current.modelType().code())) {
                errors.add(new FieldError("model_type", "cannot change: make a new model of the other kind"));
            }
            Map<String, @Nullable Object> configuration =
                    input.configuration() == null ? current.configuration() : input.configuration();
            errors.addAll(ModelSettings.check(current.modelType(), configuration));
            if (!errors.isEmpty() || name == null) {
                throw new InvalidRequestException("The model is not valid", errors);
            }
            if (models.nameTaken(name, id)) {
                throw new ConflictException("Name taken", "The workspace has a model named " + name);
            }
            models.update(
                    id,
                    name,
                    ModelSettings.complete(current.modelType(), configuration),
                    input.enabled() == null ? current.enabled() : input.enabled(),
                    clock.instant());
            return models.find(id).orElseThrow();
        });
    }

    public void delete(UUID id) {
        transactions.inTransaction(() -> {
            if (!models.delete(id)) {
                throw new NotFoundException("Model", id);
            }
            return null;
        });
    }

    private static @Nullable String name(@Nullable String name, List<FieldError> errors) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            errors.add(new FieldError("name", "is required: 1 to 100 characters"));
            return null;
        }
        return name.strip();
    }

    private static List<String> codes() {
        return java.util.Arrays.stream(ModelKind.values()).map(ModelKind::code).toList();
    }
}
