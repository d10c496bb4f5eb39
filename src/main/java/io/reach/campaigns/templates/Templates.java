package io.reach.campaigns.templates;

import io.reach.campaigns.Sql;
import io.reach.platform.time.UtcTimes;
import io.reach.platform.web.ConflictException;
import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The current tenant's template versions ({@code campaigns.templates}). */
@Repository
public class Templates {

    private static final String COLUMNS = """
            id, lineage_id, template_name, template_type, template_content, created_by, is_active, version,
            parent_template_id, latest, created_at, updated_at""";
    private static final String INSERT = """
            insert into campaigns.templates (tenant_id, id, lineage_id, template_name, template_type, template_content,
                created_by, is_active, version, parent_template_id, latest, created_at, updated_at)
            values (:tenant, :id, :lineage, :name, :type, :content::jsonb, :createdBy, :active, :version, :parent, true,
                :now, :now)""";
    private static final String SUPERSEDE = """
            update campaigns.templates set latest = false, updated_at = :now
            where tenant_id = :tenant and id = :id and latest""";
    private static final String LATEST = "select " + COLUMNS
            + " from campaigns.templates where tenant_id = :tenant and lineage_id = :lineage and latest";
    private static final String VERSION = "select " + COLUMNS
            + " from campaigns.templates where tenant_id = :tenant and lineage_id = :lineage and version = :version";
    private static final String BY_ID =
            "select " + COLUMNS + " from campaigns.templates where tenant_id = :tenant and id = :id";
    private static final String VERSIONS = "select " + COLUMNS
            + " from campaigns.templates where tenant_id = :tenant and lineage_id = :lineage and (cast(:before as uuid) is null"
            + " or version < (select version from campaigns.templates where tenant_id = :tenant and id = :before))"
            + " order by version desc limit :limit";
    private static final String PAGE = "select " + COLUMNS + """
             from campaigns.templates
            where tenant_id = :tenant and latest and lineage_id < :before
              and (cast(:type as text) is null or template_type = :type)
              and (cast(:name as text) is null or position(lower(:name) in lower(template_name)) > 0)
            order by lineage_id desc limit :limit""";
    private static final String ACTIVE = """
            update campaigns.templates set is_active = :active, updated_at = :now
            where tenant_id = :tenant and lineage_id = :lineage and latest""";

    private final JdbcClient jdbc;

    Templates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredTemplate t) {
        jdbc.sql(INSERT)
                .param("tenant", Sql.tenant())
                .param("id", t.id())
                .param("lineage", t.templateId())
                .param("name", t.templateName())
                .param("type", t.templateType().code())
                .param("content", t.templateContent().toString())
                .param("createdBy", t.createdBy())
                .param("active", t.isActive())
                .param("version", t.version())
                .param("parent", t.parentTemplateId())
                .param("now", UtcTimes.utcOrNull(t.createdAt()))
                .update();
    }

    /**
     * Stores {@code next} as the new latest version after {@code current}; a concurrent edit of the
     * same version loses with a 409 instead of forking the history.
     */
    void supersede(StoredTemplate current, StoredTemplate next) {
        int updated = jdbc.sql(SUPERSEDE)
                .param("tenant", Sql.tenant())
                .param("id", current.id())
                .param("now", UtcTimes.utcOrNull(next.createdAt()))
                .update();
        if (updated == 0) {
            throw edited(current);
        }
        try {
            insert(next);
        } catch (DuplicateKeyException e) {
            throw edited(current);
        }
    }

    StoredTemplate latest(UUID templateId) {
        return jdbc.sql(LATEST)
                .param("tenant", Sql.tenant())
                .param("lineage", templateId)
                .query(Templates::row)
                .optional()
                .orElseThrow(() -> TemplateNotFound.forId(templateId));
    }

    StoredTemplate version(UUID templateId, int version) {
        return jdbc.sql(VERSION)
                .param("tenant", Sql.tenant())
                .param("lineage", templateId)
                .param("version", version)
                .query(Templates::row)
                .optional()
                .orElseThrow(() -> TemplateNotFound.forVersion(templateId, version));
    }

    Optional<StoredTemplate> byVersionId(UUID id) {
        return jdbc.sql(BY_ID)
                .param("tenant", Sql.tenant())
                .param("id", id)
                .query(Templates::row)
                .optional();
    }

    /** Versions newest first, below the version whose row id is {@code before} (null: from the latest). */
    List<StoredTemplate> versions(UUID templateId, @Nullable UUID before, int limit) {
        return jdbc.sql(VERSIONS)
                .param("tenant", Sql.tenant())
                .param("lineage", templateId)
                .param("before", before)
                .param("limit", limit)
                .query(Templates::row)
                .list();
    }

    List<StoredTemplate> page(UUID before, int limit, @Nullable TemplateType type, @Nullable String name) {
        return jdbc.sql(PAGE)
                .param("tenant", Sql.tenant())
                .param("before", before)
                .param("limit", limit)
                .param("type", type == null ? null : type.code())
                .param("name", name)
                .query(Templates::row)
                .list();
    }

    void activate(UUID templateId, boolean active, Instant now) {
        jdbc.sql(ACTIVE)
                .param("tenant", Sql.tenant())
                .param("lineage", templateId)
                .param("active", active)
                .param("now", UtcTimes.utcOrNull(now))
                .update();
    }

    /**
     * The version a new e-mail or SMS campaign is made from: the template's latest version, or the
     * one asked for; it must be of {@code type} and active.
     */
    public StoredTemplate usable(UUID templateId, @Nullable Integer version, TemplateType type) {
        StoredTemplate template = version == null ? latest(templateId) : version(templateId, version);
        if (template.templateType() != type) {
            throw new InvalidRequestException(new FieldError(
                    "template_id",
                    "is not "
                            + (type == TemplateType.EMAIL
                                    ? "an e-mail"
                                    : "an " + type.code().toUpperCase()) + " template"));
        }
        if (!template.isActive()) {
            throw new ConflictException("Template inactive", "Activate the template before using it");
        }
        return template;
    }

    /** The variables declared by the version a campaign was made from (none without a template). */
    public @Nullable JsonNode variablesOf(@Nullable UUID versionId) {
        return versionId == null
                ? null
                : byVersionId(versionId)
                        .map(t -> t.templateContent().path("variables"))
                        .orElse(null);
    }

    private static ConflictException edited(StoredTemplate current) {
        return new ConflictException(
                "Edited meanwhile",
                "Version " + current.version()
                        + " was edited by someone else at the same time; read the latest version and edit that");
    }

    private static StoredTemplate row(ResultSet rs, int row) throws SQLException {
        return new StoredTemplate(
                rs.getObject("id", UUID.class),
                rs.getObject("lineage_id", UUID.class),
                rs.getString("template_name"),
                TemplateType.ofCode(rs.getString("template_type")),
                Sql.json(rs, "template_content"),
                rs.getObject("created_by", UUID.class),
                rs.getBoolean("is_active"),
                rs.getInt("version"),
                Sql.uuid(rs, "parent_template_id"),
                rs.getBoolean("latest"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.requiredInstant(rs, "updated_at"));
    }
}
