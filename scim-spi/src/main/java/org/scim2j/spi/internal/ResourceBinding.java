package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.resource.Meta;
import org.scim2j.core.schema.ResourceType;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.ResourceRepository;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A resource type bound to its repository, with the conversions between the repository's model and the canonical
 * JSON the service works on.
 *
 * @param type       the resource type
 * @param repository the host's store
 * @param toJson     model to canonical JSON (a new, mutable tree)
 * @param fromJson   canonical JSON to model
 * @param typed      for typed models (User, Group): their meta, so that a response can write the model itself
 *                   instead of its tree; {@code null} for generic resources
 * @param <T>        the model
 */
public record ResourceBinding<T>(ResourceType type, ResourceRepository<T> repository, Function<T, ObjectNode> toJson,
                                 Function<ObjectNode, T> fromJson, TypedMeta<T> typed) {

    /**
     * Reads the id and reads and replaces the {@code meta} of a typed model.
     *
     * @param id       the model's id, or {@code null}
     * @param meta     the model's meta, or {@code null}
     * @param withMeta a copy of the model with another meta
     * @param <T>      the model
     */
    public record TypedMeta<T>(Function<T, String> id, Function<T, Meta> meta, BiFunction<T, Meta, T> withMeta) {
    }

    /** The repository as a group repository, or null if it is not one. */
    public GroupRepository groups() {
        return repository instanceof GroupRepository g ? g : null;
    }
}
