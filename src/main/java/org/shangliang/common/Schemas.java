package org.shangliang.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schema validation of inbound messages. A schema file lists, per message name, its
 * properties and required ones in a compact form; each becomes a closed object schema
 * (no other properties allowed) with {@code {"$ref":"#id"}} standing for a 24-hex id.
 *
 * <p>Each schema is compiled once, its patterns included, when a message of its name is first
 * checked: every command of every page passes here, a board's heartbeat with 50 ids among them.
 * Not at load, which runs on the way to a node's UP, for 137 messages in 15 files, most of which
 * a meeting never sends; the node's warm-up checks the meeting's own soon after the start.
 */
public final class Schemas {
  public static final JsonObject ID = new JsonObject().put("type", "string").put("pattern", "^[0-9a-f]{24}$");
  private static final int MAX_LOCATION = 80;
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static final Map<String, Schemas> LOADED = new ConcurrentHashMap<>();

  private final Map<String, JsonObject> expanded = new HashMap<>();
  private final Map<String, Schema> validators = new ConcurrentHashMap<>();

  private Schemas(JsonObject compact, String discriminator) {
    compact.forEach(entry -> {
      if (!entry.getKey().startsWith("$")) {
        expanded.put(entry.getKey(), expand(entry.getKey(), (JsonObject) entry.getValue(), discriminator));
      }
    });
  }

  /**
   * Loads a compact schema file from the classpath; {@code discriminator} names the field holding
   * the message name. Once per JVM: the node's warm-up rehearses on a scratch node of its own, and
   * what its meeting compiled is then compiled for the node too.
   */
  public static Schemas load(String resource, String discriminator) {
    return LOADED.computeIfAbsent(resource + '\n' + discriminator, key -> read(resource, discriminator));
  }

  private static Schemas read(String resource, String discriminator) {
    try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + resource);
      }
      return new Schemas(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)), discriminator);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  public boolean knows(String name) {
    return expanded.containsKey(name);
  }

  /** The full JSON Schema a message of this name is checked against (for tools and benchmarks). */
  public JsonObject schemaOf(String name) {
    JsonObject schema = expanded.get(name);
    if (schema == null) {
      throw new Failure(ErrorCode.UNKNOWN_ACTION);
    }
    return schema.copy();
  }

  /**
   * Throws BAD_REQUEST naming the first offending field when the message does not match, as a
   * JSON pointer after {@code #} ("请求格式不正确：#/motion"): the field itself for a missing or
   * unknown one, else the value found wrong.
   */
  public void check(String name, JsonObject message) {
    if (!knows(name)) {
      throw new Failure(ErrorCode.UNKNOWN_ACTION);
    }
    List<Error> errors = validator(name).validate(tree(message));
    if (!errors.isEmpty()) {
      throw new Failure(ErrorCode.BAD_REQUEST, "请求格式不正确：" + location(errors.get(0)));
    }
  }

  private Schema validator(String name) {
    Schema compiled = validators.get(name);
    // the lock of computeIfAbsent only for the first check of a name
    return compiled != null ? compiled
        : validators.computeIfAbsent(name, known -> REGISTRY.getSchema(tree(expanded.get(known))));
  }

  /** Compiles every message's schema now, as its first check would: for a test that every one compiles. */
  void compileEach() {
    expanded.keySet().forEach(this::validator);
  }

  /** Where the error is, cut to {@value #MAX_LOCATION} characters: an unknown field's name is the sender's text. */
  private static String location(Error error) {
    StringBuilder pointer = new StringBuilder("#");
    for (int i = 0; i < error.getInstanceLocation().getNameCount(); i++) {
      pointer.append('/').append(error.getInstanceLocation().getName(i));
    }
    if (error.getProperty() != null) {
      pointer.append('/').append(error.getProperty());
    }
    return pointer.length() <= MAX_LOCATION ? pointer.toString() : pointer.substring(0, MAX_LOCATION) + "…";
  }

  /**
   * Jackson's tree of a message or schema, through the mapper of Vert.x's own JSON codec (its
   * databind codec, which Vert.x takes up with jackson-databind on the class path).
   */
  private static JsonNode tree(JsonObject json) {
    return DatabindCodec.mapper().valueToTree(json);
  }

  private static JsonObject expand(String name, JsonObject compact, String discriminator) {
    JsonObject properties = new JsonObject();
    if (discriminator != null) {
      properties.put(discriminator, new JsonObject().put("const", name)).put("roomId", ID);
    }
    JsonArray required = new JsonArray();
    if (discriminator != null) {
      required.add(discriminator);
    }
    compact.forEach(e -> {
      if (e.getKey().equals("required")) {
        ((JsonArray) e.getValue()).forEach(required::add);
      } else {
        properties.put(e.getKey(), resolveIds((JsonObject) e.getValue()));
      }
    });
    return new JsonObject().put("type", "object").put("additionalProperties", false)
        .put("properties", properties).put("required", required);
  }

  /** Replaces every {@code {"$ref":"#id"}}, however deeply nested, by the id schema. */
  private static JsonObject resolveIds(JsonObject property) {
    if ("#id".equals(property.getString("$ref"))) {
      return ID.copy();
    }
    JsonObject resolved = new JsonObject();
    property.forEach(e -> resolved.put(e.getKey(), resolveValue(e.getValue())));
    return resolved;
  }

  private static Object resolveValue(Object value) {
    if (value instanceof JsonObject o) {
      return resolveIds(o);
    }
    if (value instanceof JsonArray a) {
      JsonArray resolved = new JsonArray();
      a.forEach(item -> resolved.add(resolveValue(item)));
      return resolved;
    }
    return value;
  }
}
