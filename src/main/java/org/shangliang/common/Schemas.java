package org.shangliang.common;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * JSON Schema validation of inbound messages. A schema file lists, per message name, its
 * properties and required ones in a compact form; each becomes a closed object schema
 * (no other properties allowed) with {@code {"$ref":"#id"}} standing for a 24-hex id.
 */
public final class Schemas {
  public static final JsonObject ID = new JsonObject().put("type", "string").put("pattern", "^[0-9a-f]{24}$");
  private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
      .setBaseUri("https://shangliang.invalid/schemas/").setOutputFormat(OutputFormat.Basic);

  private final Map<String, Validator> validators = new HashMap<>();

  private Schemas(JsonObject compact, String discriminator) {
    compact.forEach(entry -> {
      if (!entry.getKey().startsWith("$")) {
        validators.put(entry.getKey(), Validator.create(
            JsonSchema.of(expand(entry.getKey(), (JsonObject) entry.getValue(), discriminator)), OPTIONS));
      }
    });
  }

  /** Loads a compact schema file from the classpath; {@code discriminator} names the field holding the message name. */
  public static Schemas load(String resource, String discriminator) {
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
    return validators.containsKey(name);
  }

  /** Throws BAD_REQUEST naming the first offending field when the message does not match. */
  public void check(String name, JsonObject message) {
    Validator validator = validators.get(name);
    if (validator == null) {
      throw new Failure(ErrorCode.UNKNOWN_ACTION);
    }
    OutputUnit result = validator.validate(message);
    if (!Boolean.TRUE.equals(result.getValid())) {
      String where = result.getErrors() == null || result.getErrors().isEmpty()
          ? "" : result.getErrors().get(0).getInstanceLocation();
      throw new Failure(ErrorCode.BAD_REQUEST, "请求格式不正确" + (where == null || where.isEmpty() ? "" : "：" + where));
    }
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
